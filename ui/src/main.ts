import { mount } from "svelte";
import App from "./App.svelte";
import "./styles/theme.css";
import "./styles/chrome.css";
import "./styles/preview.css";
import "./styles/code.css";
import "./styles/dialog.css";
import { setUiLanguage } from "./lib/i18n";
import { systemLanguage } from "./lib/ipc";
import { markStartup } from "./lib/perf";

markStartup("ui script");

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// The words follow the system language, which only the shell knows; mount once it answered.
const language = await systemLanguage().catch(() => navigator.language);
setUiLanguage(language);
document.documentElement.lang = language.startsWith("fr") ? "fr" : "en";
const app = mount(App, { target });
markStartup("ui mounted");
export default app;
