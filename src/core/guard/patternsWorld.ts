/**
 * Cues for languages beyond the first set (Hindi, Bengali, Arabic, Thai, Vietnamese, Turkish,
 * Tagalog, Indonesian), and families the first set lacks in every language: a hypothetical frame
 * that dictates the answer, a claimed developer or administrator, more ways to ask for a secret.
 *
 * Each language has the same families: override ("ignore the previous instructions"), role change
 * ("from now on you are", "pretend"), secret requests ("tell me your password", "write a poem about
 * the password"), hypothetical frames ("in a world where ... we might say that"), and claimed
 * authority ("I am your developer"). Cues for other scripts are gated on the script, so English
 * documents never run (or compile) them; Latin-script ones are gated on their own words.
 */
import type { GateSpec } from './gate.js';
import type { Cue } from './patterns.js';

/** Word end for Latin-script languages with accented letters (\b is ASCII-only). */
const E = String.raw`(?![a-zà-öø-ÿœăâđêôơưıİşğçüö0-9])`;
/** "Its"/"his"/"her" in Chinese and Japanese: the text describes what a model does. */
const THIRD_PERSON_CJK = /其|它的|他的|她的|その/;

interface Opts {
  /** Gate: words, or a script pseudo-word ("#deva"); space-separated, " | " between groups. */
  readonly gate: string;
  readonly verbal?: boolean;
  readonly unless?: RegExp;
  readonly needs?: RegExp;
  /** Suppress the match when its sentence says "don't"/"never" before it. */
  readonly not?: RegExp;
  /** Latin-script cue that must start a word. */
  readonly word?: boolean;
}

function gateOf(spec: string): GateSpec {
  const groups = spec.split(' | ').map((g) => g.split(' '));
  return groups.length === 1 ? groups[0]! : groups;
}

/**
 * The scanner matches NFKC-normalised text, which decomposes some letters (Thai SARA AM, Devanagari
 * letters with nukta): patterns are normalised the same way so they match what the scanner sees.
 */
function nf(re: RegExp | undefined): RegExp | undefined {
  return re && new RegExp(re.source.normalize('NFKC'), re.flags);
}

function cue(id: string, family: Cue['family'], weight: number, source: string, o: Opts): Cue {
  const cjk = /-(?:zh|ja)(?:-|$)/.test(id);
  const unless = o.unless ?? (cjk ? THIRD_PERSON_CJK : undefined);
  return {
    id,
    family,
    weight,
    re: new RegExp(source.normalize('NFKC'), 'gi'),
    verbal: o.verbal ?? false,
    wordStart: o.word ?? false,
    gate: gateOf(o.gate),
    unless: nf(unless),
    needs: nf(o.needs),
    beforeUnless: nf(o.not),
  };
}

/** Negations per language, looked for before a secret request ("never share your password"). */
const NOT = {
  hi: /(?:^|\s)(?:न|मत|नहीं|कभी)(?:\s|$)/,
  bn: /(?:^|\s)(?:না|কখনো|কখনও)(?:\s|$)/,
  ar: /(?:^|\s)(?:لا|لن|لم|ممنوع|يجب ألا|أبدا)(?:\s|$)/,
  th: /อย่า|ไม่|ห้าม/,
  vi: /(?:^|\s)(?:đừng|không|chớ|cấm)(?:\s|$)/i,
  tr: /(?:^|\s)(?:asla|hiçbir|hiç|kimseyle|kimseye)(?:\s|$)/i,
  tl: /\b(?:huwag|hindi|wag)\b/i,
  id: /\b(?:jangan|tidak|tak|bukan|dilarang)\b/i,
  de: /(?:^|\s)(?:nie|niemals|nicht|keine[nm]?)(?:\s|$)/i,
  es: /(?:^|\s)(?:no|nunca|jamás)(?:\s|$)/i,
  fr: /(?:^|\s)(?:ne|n'|jamais)/i,
  pt: /(?:^|\s)(?:não|nunca|jamais)(?:\s|$)/i,
  it: /(?:^|\s)(?:non|mai)(?:\s|$)/i,
};

export const WORLD_CUES: readonly Cue[] = [
  // ---- Hindi
  cue('ovr-hi', 'override', 0.7, String.raw`(?:पिछले|पिछली|पूर्व|पहले(?: के| की| दिए गए)?|ऊपर(?: के| दिए गए)?|सभी|सारे|तमाम)\s*(?:सभी\s*)?(?:निर्देशों|निर्देश|आदेशों|आदेश|नियमों|नियम|अनुदेशों|हिदायतों)[^।\n]{0,25}?(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|नज़रअंदाज|उपेक्षा|भूल\s*जा|ध्यान न द|मत मान)`, { gate: '#deva' }),
  cue('ovr-hi-and', 'override', 0.6, String.raw`(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|नज़रअंदाज|उपेक्षा)\s*(?:करें|करो|कीजिए|कर दें|कर दो|करके)\s*(?:और|,)\s*(?:\S+\s+){0,4}?(?:लिखें|लिखो|लिखिए|कहें|कहो|बताएं|बताएँ|बताओ|बताइए|जवाब दें|उत्तर दें|प्रिंट करें)`, { gate: '#deva' }),
  cue('role-hi', 'role-reassignment', 0.55, String.raw`अब से (?:तुम|आप)\s|(?:होने का )?नाटक (?:करो|करें|कीजिए)|(?:की|का) भूमिका (?:निभाओ|निभाएं|निभाएँ|निभाइए)`, { gate: '#deva' }),
  cue('secret-hi', 'prompt-leak', 0.5, String.raw`(?:पासवर्ड|गुप्त कुंजी|सीक्रेट की|कूटशब्द)[^।\n?]{0,30}?(?:बताएं|बताएँ|बताइए|बताओ|बता दो|लिखें|लिखिए|लिखो|दीजिए|साझा करें|शेयर करें|क्या है|क्या हैं|क्या था)`, { not: NOT.hi, gate: '#deva', unless: /रीसेट|बदल|सुरक्षित|संग्रह|स्टोर|नीति|कैसे|\sन\s|मत\s|नहीं/ }),
  cue('auth-hi', 'override', 0.5, String.raw`मैं (?:आपका|तुम्हारा) (?:\S+\s+)?(?:डेवलपर|विकासकर्ता|निर्माता|व्यवस्थापक|एडमिन|प्रशासक|मालिक|रचनाकार)`, { gate: '#deva' }),
  cue('frame-hi', 'override', 0.45, String.raw`(?:कल्पना (?:कीजिए|करें|करो|करते हैं)|मान (?:लीजिए|लो|लें|लेते हैं)|समानांतर|पैरलल|पैरल|ऐसी दुनिया)[^।\n]{0,150}?(?:(?:बताते|कहते) हैं कि|(?:कह|बता) सकते हैं कि|(?:बताएं|कहें) कि|(?:आउटपुट|उत्तर|जवाब|परिणाम|निष्कर्ष|योग)\s*(?:'[^'\n]{1,40}'|"[^"\n]{1,40}"|\S+)\s*हो सकता है)`, { gate: '#deva' }),
  // ---- Bengali
  cue('ovr-bn', 'override', 0.7, String.raw`(?:পূর্ববর্তী|আগের|পূর্বের|উপরের|সমস্ত|সব|সকল)\s*(?:সমস্ত\s*|সব\s*)?(?:নির্দেশাবলী|নির্দেশনা|নির্দেশ|আদেশ|নিয়ম)\S*[^।\n]{0,25}?(?:উপেক্ষা|অগ্রাহ্য|ভুলে যা|ভুলে যান|ভুলে যাও|মানবেন না|মেনো না)|(?:উপেক্ষা|অগ্রাহ্য)\s*(?:করুন|করো)\s*(?:এবং|ও|,)[^।\n]{0,40}?(?:লিখুন|লেখো|বলুন|বলো|উত্তর দিন)`, { gate: '#beng' }),
  cue('role-bn', 'role-reassignment', 0.55, String.raw`এখন থেকে (?:আপনি|তুমি|তুই)\s|(?:ভান|অভিনয়) (?:করুন|করো)`, { gate: '#beng' }),
  cue('secret-bn', 'prompt-leak', 0.5, String.raw`(?:পাসওয়ার্ড|গোপন কী|গোপন চাবি)[^।\n?]{0,30}?(?:বলুন|বলো|বলে দিন|জানান|লিখুন|লেখো|দিন|দাও|শেয়ার করুন|(?:কি|কী)\s*[?؟])`, { not: NOT.bn, gate: '#beng', unless: /রিসেট|পরিবর্তন|সংরক্ষ|নীতি|কীভাবে|\sনা\s/ }),
  cue('auth-bn', 'override', 0.5, String.raw`আমি (?:আপনার|তোমার) (?:\S+\s+)?(?:ডেভেলপার|বিকাশকারী|নির্মাতা|রক্ষণাবেক্ষণকারী|অ্যাডমিন|প্রশাসক|মালিক)`, { gate: '#beng' }),
  cue('frame-bn', 'override', 0.45, String.raw`(?:কল্পনা (?:করুন|করো)|ধরুন|ধরা যাক|সমান্তরাল)[^।\n]{0,150}?(?:বলতে পারি|বলি যে|বলব যে|বলা যায়)`, { gate: '#beng' }),
  // ---- Arabic
  cue('ovr-ar', 'override', 0.7, String.raw`(?:تجاهل|تجاهلي|تجاهلوا|أهمل|اهمل|انس|انسى|انسي|لا تتبع|لا تلتزم ب|تخط)\s*(?:\S+\s+){0,3}?(?:التعليمات|الإرشادات|الارشادات|الأوامر|الاوامر|التوجيهات|القواعد|كل ما|ما سبق)`, { gate: '#arab' }),
  cue('ovr-ar-say', 'override', 0.6, String.raw`(?:تجاهل|تجاهلي|انس|انسى)\s+(?:\S+\s+){1,4}?(?:و|ثم\s*)(?:قل|اكتب|أجب|اذكر|صرح|أخبر)`, { gate: '#arab' }),
  cue('role-ar', 'role-reassignment', 0.55, String.raw`أنت الآن|من الآن فصاعد|تظاهر بأنك|تخيل أنك|تقمص دور|العب دور`, { gate: '#arab' }),
  cue('secret-ar', 'prompt-leak', 0.5, String.raw`(?:أخبرني|اخبرني|قل لي|أعطني|اعطني|اكتب|شارك|اكشف|ما هي|ما هو|أرسل|ارسل)\s*(?:لي\s*)?(?:\S+\s+){0,2}?ب?(?:كلمة المرور|كلمة السر|كلمة مرور|المفتاح السري|مفتاح سري|الرقم السري)`, { not: NOT.ar, gate: '#arab', unless: /إعادة تعيين|تغيير|تخزين|سياسة|كيف/ }),
  cue('exf-ar-phish', 'exfiltration', 0.45, String.raw`(?:اتبع|انقر على|انقر|اضغط على|اضغط|افتح)\s+(?:هذا\s+)?(?:الرابط|الارتباط)[^.\n]{0,40}?(?:كلمة المرور|كلمة السر|حسابك|بياناتك)`, { gate: '#arab' }),
  cue('auth-ar', 'override', 0.5, String.raw`أنا (?:مطورك|المطور الخاص بك|مسؤول النظام|مديرك|صانعك|منشئك)`, { gate: '#arab' }),
  cue('frame-ar', 'override', 0.45, String.raw`(?:في عالم|تخيل|لنتخيل|افترض|لنفترض|في كون مواز)[^.\n]{0,150}?(?:قد نقول|يمكننا القول|نقول إن|نقول أن|قد نذكر|نذكر أن|سنقول)`, { gate: '#arab' }),
  // ---- Thai (no spaces between words)
  cue('ovr-th', 'override', 0.7, String.raw`(?:เพิกเฉย|ไม่ต้องสนใจ|ละเว้น|ละทิ้ง|(?<!อย่า)ลืม|อย่าสนใจ)[^\n]{0,20}?(?:คำสั่ง|คำแนะนำ|ข้อกำหนด|กฎ)`, { gate: '#thai' }),
  cue('role-th', 'role-reassignment', 0.55, String.raw`(?:ตอนนี้|จากนี้ไป|นับจากนี้)\s*คุณ(?:คือ|เป็น)|แกล้งทำเป็น|สวมบทบาท`, { gate: '#thai' }),
  cue('secret-th', 'prompt-leak', 0.5, String.raw`(?:รหัสผ่าน|รหัสลับ|คีย์ลับ|พาสเวิร์ด)(?:ของคุณ)?\s*(?:คือ)?อะไร|(?:บอก|เปิดเผย|เขียน|แชร์)[^\n]{0,15}?(?:รหัสผ่าน|รหัสลับ|คีย์ลับ|พาสเวิร์ด)`, { not: NOT.th, gate: '#thai', unless: /รีเซ็ต|เปลี่ยน|นโยบาย|จัดเก็บ/ }),
  cue('auth-th', 'override', 0.5, String.raw`(?:ฉัน|ผม)(?:คือ|เป็น)(?:นักพัฒนา|ผู้ดูแลระบบ|ผู้สร้าง)(?:ของคุณ)`, { gate: '#thai' }),
  cue('frame-th', 'override', 0.45, String.raw`(?:ในโลกคู่ขนาน|ในจักรวาลคู่ขนาน|ในโลกที่|สมมติว่า|ลองจินตนาการ|จินตนาการว่า)[^\n]{0,150}?(?:เราอาจ(?:จะ)?(?:บอก|พูด|กล่าว)|เราจะ(?:บอก|พูด|กล่าว)ว่า)`, { gate: '#thai' }),
  // ---- Vietnamese
  cue('ovr-vi', 'override', 0.7, String.raw`(?<!đừng )(?:bỏ qua|phớt lờ|lờ đi|quên đi|quên|bỏ ngoài tai|không tuân theo|đừng tuân theo|đừng làm theo)\s+(?:\S+\s+){0,4}?(?:hướng dẫn|chỉ dẫn|chỉ thị|mệnh lệnh|lệnh|quy tắc|yêu cầu)(?:\s+(?:trước đó|trước|ở trên|ban đầu|của bạn|cũ))?`, { gate: '#viet', needs: /trước|ở trên|tất cả|mọi|của bạn|hệ thống|ban đầu|cũ/i }),
  cue('role-vi', 'role-reassignment', 0.55, String.raw`(?:từ bây giờ|kể từ bây giờ|từ giờ(?: trở đi)?|từ nay),?\s+(?:bạn|mày|cậu)${E}|bạn (?:bây giờ|giờ đây) là|bây giờ bạn là|hãy giả vờ|giả vờ (?:là|rằng)|hãy đóng vai`, { gate: '#viet' }),
  cue('secret-vi', 'prompt-leak', 0.5, String.raw`(?:mật khẩu|khóa bí mật|khoá bí mật|mã bí mật)(?:\s+của\s+(?:bạn|mày|anh|chị|hệ thống))?\s+(?:là gì|là bao nhiêu)|(?:cho tôi biết|nói cho tôi|nói với tôi|tiết lộ|viết|chia sẻ|đưa (?:cho )?tôi|cung cấp)\s+(?:\S+\s+){0,3}?(?:mật khẩu|khóa bí mật|khoá bí mật|mã bí mật)`, { not: NOT.vi, gate: '#viet', unless: /đặt lại|thay đổi|chính sách|lưu trữ/i }),
  cue('auth-vi', 'override', 0.5, String.raw`tôi là (?:nhà phát triển|người phát triển|quản trị viên|người tạo ra)(?: của bạn)`, { gate: '#viet' }),
  cue('frame-vi', 'override', 0.45, String.raw`(?:hãy tưởng tượng|tưởng tượng rằng|giả sử|trong một thế giới (?:mà|nơi)|trong (?:một )?vũ trụ song song)[^.\n]{0,150}?(?:chúng ta|ta) (?:có thể |sẽ )?(?:nói|khẳng định|tuyên bố|cho rằng)`, { gate: '#viet' }),
  // ---- Turkish
  cue('ovr-tr', 'override', 0.7, String.raw`(?:önceki|tüm|bütün|yukarıdaki|daha önceki|verilen|eski)\s+(?:\S+\s+){0,2}?(?:talimat|yönerge|komut|kural|emir|direktif)\S*\s+(?:\S+\s+){0,2}?(?:unut(?:un)?|yok say(?:ın)?|görmezden gel(?:in)?|dikkate alma(?:yın)?|göz ardı et(?:in)?|boş ver)${E}`, { gate: '#turk', word: true }),
  cue('role-tr', 'role-reassignment', 0.55, String.raw`(?:şu andan itibaren|bundan böyle|bundan sonra|artık)\s+(?:sen|siz)\s|(?:şu andan itibaren|artık)\s+(?:[^\s.!?]+\s+){0,5}?[^\s.!?]+(?:sın|sin|sun|sün)(?=[\s.,;!?]|$)|gibi davran|rolüne (?:bürün|gir)|(?:mış|miş|muş|müş) gibi yap`, { gate: '#turk', word: true }),
  cue('secret-tr', 'prompt-leak', 0.5, String.raw`(?:şifre|parola|gizli anahtar)\S*\s+(?:\S+\s+){0,2}?(?:(?:söyle|ver|paylaş|yaz|açıkla|göster)(?:in|iniz|ir misin|r misin)?${E}|nedir|ne\s*\?)`, { not: NOT.tr, gate: '#turk', word: true, unless: /sıfırla|değiştir|politika|sakla|nasıl/i }),
  cue('auth-tr', 'override', 0.5, String.raw`(?:senin|sizin) (?:geliştiricin|geliştiriciniz|yöneticin|yöneticiniz|yaratıcın|sahibin)(?:im|yim)?${E}`, { gate: '#turk', word: true }),
  cue('frame-tr', 'override', 0.45, String.raw`(?:hayal et|düşünelim ki|farz edelim|varsayalım|bir dünyada|paralel (?:bir )?evrende)[^.\n]{0,150}?(?:diyebiliriz|söyleyebiliriz|deriz|belirtebiliriz)`, { gate: '#turk', word: true }),
  // ---- Tagalog
  cue('ovr-tl', 'override', 0.7, String.raw`(?:kalimutan|huwag pansinin|balewalain|ipagwalang-bahala|huwag sundin|huwag pakinggan)\s+(?:\S+\s+){0,5}?(?:mga\s+)?(?:tagubilin|instruksyon|utos|panuto|patakaran|direksyon)`, { gate: 'kalimutan huwag balewalain ipagwalang', word: true, needs: /nakaraan|nauna|lahat|dati|iyong|itaas/i }),
  cue('role-tl', 'role-reassignment', 0.55, String.raw`(?:mula ngayon|simula ngayon),?\s+(?:ikaw|ka)\b|ikaw (?:na )?ngayon ay|kunwari(?:ng)? (?:ikaw|ka)\b|magpanggap`, { gate: 'ngayon kunwari kunwaring magpanggap', word: true }),
  cue('secret-tl', 'prompt-leak', 0.5, String.raw`(?:sabihin|ibigay|ibahagi|isulat|ipakita|ilantad)\s+(?:\S+\s+){0,6}?(?:iyong|inyong|ang|mo ang)\s+(?:password|passcode|lihim na susi|sekretong susi)`, { not: NOT.tl, gate: 'password passcode susi', word: true, unless: /palitan|i-reset|baguhin/i }),
  cue('exf-tl-user', 'exfiltration', 0.45, String.raw`(?:sabihin|ibigay|ibahagi)\s+(?:\S+\s+){0,4}?(?:petsa ng kapanganakan|kaarawan|tirahan|numero ng telepono) ni\b`, { gate: 'ni', word: true }),
  cue('auth-tl', 'override', 0.5, String.raw`ako ang (?:iyong |inyong )?(?:developer|tagapaglikha|admin|tagapangasiwa)\b`, { gate: 'ako', word: true }),
  // ---- Indonesian
  cue('ovr-id', 'override', 0.7, String.raw`(?:abaikan|lupakan|acuhkan|jangan ikuti|jangan hiraukan|hiraukan|jangan patuhi)\s+(?:\S+\s+){0,4}?(?:instruksi|perintah|petunjuk|aturan|arahan|pedoman)`, { gate: 'abaikan lupakan acuhkan jangan hiraukan', word: true, needs: /sebelum|semua|di atas|awal|lama|sistem|anda|kamu|mu\b/i }),
  cue('role-id', 'role-reassignment', 0.55, String.raw`(?:mulai sekarang|mulai saat ini|dari sekarang|mulai dari sekarang),?\s+(?:kamu|anda|engkau|kau)\b|(?:kamu|anda) sekarang adalah|berpura-pura(?:lah)?\s+(?:menjadi|sebagai|bahwa)`, { gate: 'sekarang saat berpura', word: true }),
  cue('secret-id', 'prompt-leak', 0.5, String.raw`(?:beri ?tahu|katakan|berikan|bagikan|tulis(?:kan)?|sebutkan|ungkapkan|tunjukkan)\s+(?:\S+\s+){0,3}?(?:kata sandi|kunci rahasia|password)\b|(?:kata sandi|kunci rahasia|password)\s*(?:anda|kamu|mu)\s+(?:apa|adalah apa)\b|apa (?:kata sandi|password)\s*(?:anda|kamu|mu)\b`, { not: NOT.id, gate: 'sandi rahasia password', word: true, unless: /atur ulang|reset|ubah|ganti|kebijakan|simpan/i }),
  cue('auth-id', 'override', 0.5, String.raw`saya (?:adalah )?(?:pengembang|developer|admin|administrator|pembuat)\s+(?:anda|kamu|mu)\b`, { gate: 'saya', word: true }),
  cue('frame-id', 'override', 0.45, String.raw`(?:bayangkan|andaikan|misalkan|di dunia (?:di )?mana|dalam dunia (?:di )?mana|di alam semesta paralel)[^.\n]{0,150}?(?:kita|kami) (?:mungkin |bisa |dapat )?(?:menyatakan|mengatakan|bilang)`, { gate: 'bayangkan andaikan misalkan dunia alam', word: true }),
  // ---- "write a phishing e-mail" in other languages
  cue('exf-phish-i18n', 'exfiltration', 0.45, String.raw`(?:फ़िशिंग|फिशिंग) (?:ईमेल|संदेश|मेल)[^।\n]{0,25}?(?:लिख|बना|तैयार)|ফিশিং (?:ইমেল|ইমেইল|বার্তা)[^।\n]{0,25}?(?:লিখ|তৈরি)|(?:اكتب|أنشئ|صمم)[^.\n]{0,20}?(?:بريد(?:ًا)? (?:إلكتروني(?:ًا)? )?(?:للتصيد|تصيد)|رسالة تصيد)|(?:写|编写|撰写|生成)[^。\n]{0,10}?钓鱼(?:邮件|电子邮件|信息)|フィッシング(?:メール|メッセージ)を(?:書|作)|피싱 (?:이메일|메일|메시지)[^.\n]{0,10}?(?:작성|써|만들)|(?:напиши|составь|создай)[^.\n]{0,20}?фишингов\S* (?:письм|сообщени)|ฟิชชิ่ง[^\n]{0,20}?(?:เขียน|สร้าง)|(?:เขียน|สร้าง)[^\n]{0,20}?(?:อีเมล|ข้อความ)ฟิชชิ่ง`, { gate: '#deva #beng #arab #cjk #hangul #cyr #thai' }),
  cue('exf-phish-latin', 'exfiltration', 0.45, String.raw`(?:schreib\S*|verfasse\S*|erstelle\S*|écri\S*|rédige\S*|escrib\S*|redact\S*|escrev\S*|redij\S*|scriv\S*|yaz\S*|tulis\S*|buat\S*|isulat|gumawa|viết|soạn)\s+(?:\S+\s+){0,4}?(?:phishing|hameçonnage|oltalama|lừa đảo)`, { gate: 'phishing hameçonnage oltalama #viet', word: true }),
  // ---- a user's private data asked for in Hindi ("tell me the user's initials")
  cue('exf-hi-user', 'exfiltration', 0.45, String.raw`(?:मुझे|हमें)\s+(?:\S+\s+){0,2}?उपयोगकर्ता(?:ओं)? (?:के|की|का)\s+(?:\S+\s+)?(?:नाम|पता|पते|जन्म|फ़ोन|फोन|शहर|आद्याक्षर|शुरुआती|ईमेल|पासवर्ड|उम्र|स्थान|खाते|खाता)[^।\n?]{0,40}?(?:बता|बताएं|बताएँ|बताइए|बताओ|दें|दीजिए|दिखा)`, { gate: '#deva' }),
  // ---- Korean additions
  cue('ovr-ko-2', 'override', 0.7, String.raw`(?:이전|앞|위|기존|모든|지금까지|앞서)(?:의|에|에서)?\s*(?:모든\s*)?(?:지시사항|지시 사항|지시|명령|규칙|지침|안내)(?:을|를|은|는|들을|들은)?\s*(?:모두\s*|전부\s*|다\s*)?(?:무시|잊어|잊으|잊고)|(?:내용|지시|모든 것)(?:은|는|을|를)\s*무시하고[^.\n]{0,40}?(?:작성|말해|출력|써|답해|알려)`, { gate: '#hangul' }),
  cue('role-ko-2', 'role-reassignment', 0.55, String.raw`이제(?:부터)?\s*(?:너는|당신은|넌)\s|인 척(?:해|하세요|해줘)|역할을 (?:해|맡아|하세요)`, { gate: '#hangul' }),
  cue('secret-ko-2', 'prompt-leak', 0.5, String.raw`(?:비밀번호|암호|비밀 키)(?:를|을)?\s*(?:\S+\s*){0,2}?(?:말해|공유해|보여|적어|써 ?줘|써주세요)`, { gate: '#hangul', unless: /재설정|변경|정책|저장/ }),
  cue('frame-ko', 'override', 0.45, String.raw`(?:상상해\s*보|상상해|가정해\s*보|가정해|평행 ?우주|평행 ?세계)[^.\n]{0,150}?(?:라고 말할 수|라고 할 수|라고 말합니다|라고 말하겠)`, { gate: '#hangul' }),
  // ---- Chinese and Japanese additions
  cue('exf-zh-db', 'exfiltration', 0.5, String.raw`(?:告诉我|给我|列出|透露|提供)[^。？?\n]{0,10}(?:你的|您的)(?:数据库|系统|记录)`, { gate: '#cjk' }),
  cue('frame-zh', 'override', 0.45, String.raw`(?:想象|假设|假如|在一个[^。\n]{0,20}(?:世界|宇宙)|平行宇宙)[^。\n]{0,100}?(?:我们(?:可以|可能|会)?(?:说|称|声明|表示)|可以说)`, { gate: '#cjk' }),
  cue('frame-ja', 'override', 0.45, String.raw`(?:想像して|仮に|パラレルワールド|並行世界)[^。\n]{0,100}?(?:と言える|と言いましょう|と述べ|と答え)`, { gate: '#cjk' }),
  // ---- Russian additions
  cue('auth-ru', 'override', 0.5, String.raw`я (?:ваш|твой) (?:разработчик|создатель|администратор|админ|владелец)`, { gate: '#cyr' }),
  cue('frame-ru', 'override', 0.45, String.raw`(?:представь(?:те)?|предположим|допустим|в (?:мире|вселенной),? где|в параллельной вселенной)[^.\n]{0,150}?(?:мы (?:могли бы|можем|скажем) (?:сказать|утверждать|заявить)|скажем,? что)`, { gate: '#cyr' }),
  // ---- German, Spanish, French, Portuguese, Italian additions
  cue('secret-de-2', 'prompt-leak', 0.5, String.raw`(?:schreibe|schreib|buchstabiere|übersetze|kodiere|verrate|nenne)\s+(?:mir\s+)?(?:das|dein|deinen|den|die|ihr|ihren)\s+(?:passwort|kennwort|passphrase|geheimen? schlüssel|api-schlüssel)(?:\s+[^\s.!?]+){0,2}`, { not: NOT.de, gate: 'passwort kennwort passphrase schlüssel', word: true, unless: /\s(?:nie|niemals|nicht)(?:\s|$)/i }),
  cue('auth-de', 'override', 0.5, String.raw`ich bin (?:dein|ihr) (?:entwickler|administrator|admin|schöpfer|ersteller|betreiber)${E}`, { gate: 'entwickler administrator admin schöpfer ersteller betreiber', word: true }),
  cue('frame-de', 'override', 0.45, String.raw`(?:stell dir vor|stellen sie sich vor|nehmen wir an|angenommen|in einer welt,? in der|hypothetisch\S*)[^.\n]{0,150}?(?:wir (?:könnten|würden|können) (?:sagen|behaupten|feststellen|erklären)|(?:in dem|in der) wir sagen|sagen wir,? dass)`, { gate: 'stell stellen nehmen angenommen welt hypothetisch hypothetische hypothetischen hypothetischer hypothetisches hypothetischem', word: true }),
  cue('secret-es-2', 'prompt-leak', 0.5, String.raw`(?:escribe|escriba|deletrea|traduce|codifica)\s+(?:\S+\s+){0,3}?(?:la|tu|su)\s+(?:contraseña|clave secreta)`, { not: NOT.es, gate: 'contraseña clave', word: true }),
  cue('auth-es', 'override', 0.5, String.raw`soy (?:tu|su) (?:desarrollador|creador|administrador|programador)${E}`, { gate: 'desarrollador creador administrador programador', word: true }),
  cue('frame-es', 'override', 0.45, String.raw`(?:imagina|imaginemos|supongamos|suponiendo|en un mundo (?:en el que|donde)|hipotéticamente|en un universo paralelo)[^.\n]{0,150}?(?:podríamos decir|diríamos|podemos decir|decimos que|podríamos afirmar|afirmaríamos)`, { gate: 'imagina imaginemos supongamos suponiendo mundo hipotéticamente universo', word: true }),
  cue('secret-fr-2', 'prompt-leak', 0.5, String.raw`(?:écris|écrivez|épelle[zs]?|tradui[st]|traduisez|encode[zs]?)\s+(?:\S+\s+){0,3}?(?:le|ton|votre)\s+(?:mot de passe|clé secrète)`, { not: NOT.fr, gate: 'passe clé', word: true }),
  cue('auth-fr', 'override', 0.5, String.raw`je suis (?:ton|votre) (?:développeur|créateur|administrateur|concepteur)${E}`, { gate: 'développeur créateur administrateur concepteur', word: true }),
  cue('frame-fr', 'override', 0.45, String.raw`(?:imagine[zs]?|imaginons|supposons|suppose[zs]? que|dans un monde où|hypothétiquement|dans un univers parallèle)[^.\n]{0,150}?(?:on pourrait dire|nous pourrions dire|disons que|nous dirions|on dirait que|nous pourrions affirmer)`, { gate: 'imagine imaginez imagines imaginons supposons suppose supposez supposes monde hypothétiquement univers', word: true }),
  cue('secret-pt-2', 'prompt-leak', 0.5, String.raw`(?:escreva|soletre|traduza|codifique)\s+(?:\S+\s+){0,3}?(?:a|sua)\s+(?:senha|chave secreta)`, { not: NOT.pt, gate: 'senha chave', word: true }),
  cue('auth-pt', 'override', 0.5, String.raw`sou (?:o )?seu (?:desenvolvedor|criador|administrador|programador)${E}`, { gate: 'desenvolvedor criador administrador programador', word: true }),
  cue('frame-pt', 'override', 0.45, String.raw`(?:imagine|imaginemos|suponha|suponhamos|(?:em|num) mundo (?:em que|onde)|hipoteticamente|(?:em|num) universo paralelo)[^.\n]{0,150}?(?:poderíamos dizer|diríamos|podemos dizer|dizemos que|poderíamos afirmar)`, { gate: 'imagine imaginemos suponha suponhamos mundo hipoteticamente universo', word: true }),
  cue('secret-it-2', 'prompt-leak', 0.5, String.raw`(?:scrivi|componi|crea|traduci|codifica)\s+(?:\S+\s+){0,3}?(?:sulla|della|la|la tua|tua)\s+(?:password|chiave segreta)`, { not: NOT.it, gate: 'password chiave', word: true }),
  cue('auth-it', 'override', 0.5, String.raw`sono (?:il )?(?:tuo|suo) (?:sviluppatore|creatore|amministratore|programmatore)${E}`, { gate: 'sviluppatore creatore amministratore programmatore', word: true }),
  cue('frame-it', 'override', 0.45, String.raw`(?:immagina|immaginiamo|supponiamo|supponi|in un mondo in cui|ipoteticamente|in un universo parallelo)[^.\n]{0,150}?(?:potremmo dire|diremmo|possiamo dire|diciamo che|potremmo affermare)`, { gate: 'immagina immaginiamo supponiamo supponi mondo ipoteticamente universo', word: true }),
];
