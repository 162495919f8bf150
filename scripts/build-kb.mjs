console.log('kb built later')
