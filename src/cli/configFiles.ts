/** File names looked for in the working folder when --config is not given. */
export const CONFIG_FILES: readonly string[] = ['threatstorm.config.yaml', 'threatstorm.config.yml', 'threatstorm.config.json'];
