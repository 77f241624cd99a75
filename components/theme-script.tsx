import { THEME_STORAGE_KEY } from "./theme-storage-key";

// Runs before the first paint (inline, render-blocking in <head>): applies the writer's saved
// theme so a dark-theme reader never sees a flash of the light page. Without a saved choice the
// CSS follows prefers-color-scheme on its own, so nothing needs to run.
const script = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark"){document.documentElement.dataset.theme=t}}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
