// The sidebar's arrangement: each series together (parts in reading order, the series with the
// most recent part first), then the other posts newest first, then the drafts apart.
import type { PostSummary } from "./bindings/PostSummary";
import type { WorkspaceSummary } from "./bindings/WorkspaceSummary";

export interface PostGroup {
  /** Stable key for the list. */
  key: string;
  /** The series name, or the label for other posts / drafts. */
  title: string;
  kind: "series" | "posts" | "drafts";
  posts: PostSummary[];
}

/** Lower case without accents, so "etat" finds "État". */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Whether `post` matches every word of `filter` (title, series, tags or date). */
export function matchesFilter(post: PostSummary, filter: string): boolean {
  const haystack = foldForSearch([post.title, post.series ?? "", post.date ?? "", ...post.tags].join(" "));
  return foldForSearch(filter)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const byDateThenPath = (a: PostSummary, b: PostSummary) =>
  (a.date ?? "").localeCompare(b.date ?? "") || a.path.localeCompare(b.path);

/** The groups to show for `filter`; empty groups are left out. */
export function groupPosts(
  workspace: WorkspaceSummary,
  filter: string,
  labels: { posts: string; drafts: string },
): PostGroup[] {
  const posts = workspace.posts.filter((p) => matchesFilter(p, filter));
  const series = new Map<string, PostSummary[]>();
  const loose: PostSummary[] = [];
  for (const post of posts) {
    if (post.series) series.set(post.series, [...(series.get(post.series) ?? []), post]);
    else loose.push(post);
  }
  const seriesGroups: PostGroup[] = [...series.entries()].map(([name, parts]) => ({
    key: `series:${name}`,
    title: name,
    kind: "series",
    posts: parts.sort(byDateThenPath),
  }));
  const newest = (g: PostGroup) => g.posts[g.posts.length - 1]?.date ?? "";
  seriesGroups.sort((a, b) => newest(b).localeCompare(newest(a)) || a.title.localeCompare(b.title));
  const groups = [...seriesGroups];
  if (loose.length) {
    groups.push({ key: "posts", title: labels.posts, kind: "posts", posts: loose.sort(byDateThenPath).reverse() });
  }
  const drafts = workspace.drafts.filter((p) => matchesFilter(p, filter));
  if (drafts.length) {
    drafts.sort((a, b) => a.title.localeCompare(b.title));
    groups.push({ key: "drafts", title: labels.drafts, kind: "drafts", posts: drafts });
  }
  return groups;
}

/** The post whose URL `href` is (with or without the site's origin), for post_url links. */
export function postForUrl(workspace: WorkspaceSummary, href: string): PostSummary | undefined {
  const path = href.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/[#?].*$/, "");
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // keep the raw path
  }
  return [...workspace.posts, ...workspace.drafts].find((p) => p.url === path || p.url === decoded);
}
