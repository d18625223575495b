import { describe, expect, it } from "vitest";
import type { PostSummary } from "./bindings/PostSummary";
import type { WorkspaceSummary } from "./bindings/WorkspaceSummary";
import { groupPosts, matchesFilter, postForUrl } from "./post_groups";

function post(path: string, title: string, date: string | null, series: string | null = null, tags: string[] = []): PostSummary {
  return { path, title, date, url: date ? `/${date.replaceAll("-", "/")}/${title}.html` : null, series, tags, published: date !== null };
}

const workspace: WorkspaceSummary = {
  root: "/blog",
  title: "Blog",
  baseurl: "",
  posts: [
    post("/blog/_posts/2025-06-12-j3.md", "j3", "2025-06-12", "ConfNuage 2025", ["kubernetes"]),
    post("/blog/_posts/2025-06-10-j1.md", "j1", "2025-06-10", "ConfNuage 2025"),
    post("/blog/_posts/2025-06-11-j2.md", "j2", "2025-06-11", "ConfNuage 2025"),
    post("/blog/_posts/2024-01-01-old.md", "old", "2024-01-01", "KubeCon 2023"),
    post("/blog/_posts/2025-07-01-solo.md", "État des lieux", "2025-07-01"),
    post("/blog/_posts/2023-01-01-solo.md", "premier", "2023-01-01"),
  ],
  drafts: [post("/blog/_drafts/bilan.md", "bilan", null)],
  open_post: null,
};
const labels = { posts: "Posts", drafts: "Drafts" };

describe("groupPosts", () => {
  it("groups series in reading order, newest series first, then posts, then drafts", () => {
    const groups = groupPosts(workspace, "", labels);
    expect(groups.map((g) => g.title)).toEqual(["ConfNuage 2025", "KubeCon 2023", "Posts", "Drafts"]);
    expect(groups[0].posts.map((p) => p.title)).toEqual(["j1", "j2", "j3"]);
    expect(groups[2].posts.map((p) => p.title)).toEqual(["État des lieux", "premier"]);
    expect(groups[3].kind).toBe("drafts");
  });

  it("filters by title, series, tag or date, ignoring case and accents", () => {
    expect(groupPosts(workspace, "etat", labels).flatMap((g) => g.posts.map((p) => p.title))).toEqual(["État des lieux"]);
    expect(groupPosts(workspace, "kubernetes", labels).flatMap((g) => g.posts.map((p) => p.title))).toEqual(["j3"]);
    expect(groupPosts(workspace, "confnuage j2", labels).flatMap((g) => g.posts.map((p) => p.title))).toEqual(["j2"]);
    expect(groupPosts(workspace, "nothing like this", labels)).toEqual([]);
  });

  it("matches everything with an empty filter", () => {
    expect(matchesFilter(workspace.posts[0], "  ")).toBe(true);
  });
});

describe("postForUrl", () => {
  it("finds the post a post_url link points to", () => {
    expect(postForUrl(workspace, "/2025/06/11/j2.html")?.path).toBe("/blog/_posts/2025-06-11-j2.md");
    expect(postForUrl(workspace, "tauri://localhost/2025/06/11/j2.html#talk")?.path).toBe("/blog/_posts/2025-06-11-j2.md");
    expect(postForUrl(workspace, "/nope.html")).toBeUndefined();
  });
});
