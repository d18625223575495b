// Which changes of the blog's files make the theme view draw the page around the post again:
// a layout, an include, a Sass partial, a data file, a stylesheet or the site config. Edits
// to posts only patch the post's body, as in the reading view.

const THEME_FOLDERS = ["_layouts", "_includes", "_sass", "_data"];
const CONFIG_FILES = ["_config.yml", "_config.yaml", "_config.toml"];

/** Whether a change to `path` (absolute) of the blog at `root` changes the page around posts. */
export function isThemeFile(path: string, root: string): boolean {
  const base = root.endsWith("/") ? root : `${root}/`;
  if (!path.startsWith(base)) return false;
  const rel = path.slice(base.length);
  const parts = rel.split("/");
  if (parts.length === 1 && CONFIG_FILES.includes(rel)) return true;
  if (THEME_FOLDERS.includes(parts[0])) return true;
  return /\.(s[ac]ss|css)$/i.test(rel);
}

/** The CSS text made safe to put inside a `<style>` element (no early `</style>`). */
export function styleText(css: string): string {
  return css.replace(/<\/style/gi, "<\\/style");
}
