/** localStorage key of the writer's colour theme choice ("light" or "dark"; absent = follow the system). */
export const THEME_STORAGE_KEY = "penprint-theme";
