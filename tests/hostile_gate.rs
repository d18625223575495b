//! Hostile blogs against the one gate between a blog and the disk: link loops, links to `/`
//! and out of the site, `includes_dir` outside the site, FIFOs where a post, an image, an
//! include or the config should be. Each case runs the real CLI under a 2 GiB address-space
//! limit and a 30 s guard (a hang fails the test, it never blocks the suite), and asserts one
//! clear message naming the file, that nothing outside the blog shows up in the output, and
//! that nothing is written or committed. The resolver's good cases (relative images, `baseurl`,
//! percent-encoded names) are here too: safety must not cost a correct preview.

mod publish_support;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lanyard::render::RenderOptions;
use lanyard::site::Workspace;
use publish_support::BlogRepo;

/// What a file outside every blog holds; it must never appear in any output.
const SECRET: &str = "TOP-SECRET-4d1f9a: outside the blog";

/// A blog in a temp folder, with a secret file next to it (outside the blog).
struct Blog {
    dir: tempfile::TempDir,
}

impl Blog {
    fn new(config: &str) -> Blog {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("blog/_posts")).expect("mkdir");
        fs::write(dir.path().join("blog/_config.yml"), config).expect("config");
        fs::write(dir.path().join("secret.txt"), SECRET).expect("secret");
        Blog { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("blog")
    }

    fn secret(&self) -> PathBuf {
        self.dir.path().join("secret.txt")
    }

    fn path(&self, rel: &str) -> PathBuf {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        path
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.path(rel);
        fs::write(&path, text).expect("write");
        path
    }

    fn link(&self, rel: &str, target: &Path) {
        symlink(target, self.path(rel)).expect("symlink");
    }

    fn fifo(&self, rel: &str) {
        let path = self.path(rel);
        let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
        assert!(made.success(), "mkfifo {}", path.display());
    }
}

/// What a bounded run of the CLI printed.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `lanyard ARGS` in `cwd` under a 2 GiB address-space limit; a run that has not ended
/// after 30 s is killed and fails the test (the hang guard, not a speed target).
fn lanyard(args: &[&str], cwd: &Path) -> Run {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let stdout = fs::File::create(out_dir.path().join("out")).expect("stdout");
    let stderr = fs::File::create(out_dir.path().join("err")).expect("stderr");
    // `prlimit` (util-linux, on every Debian) sets the limit for the child alone.
    let mut command = Command::new("prlimit");
    command
        .arg(format!("--as={}", 2u64 << 30))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_lanyard"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr);
    let mut child = command.spawn().expect("spawn lanyard");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("lanyard {args:?} did not end within 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |name: &str| fs::read_to_string(out_dir.path().join(name)).unwrap_or_default();
    Run {
        code: status.code(),
        stdout: read("out"),
        stderr: read("err"),
    }
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

const POST: &str = "_posts/2023-04-19-kubecon-j1.md";

#[test]
fn check_ends_on_a_link_loop_in_posts() {
    let blog = Blog::new("title: t\n");
    blog.write(POST, "---\ntitle: J1\n---\nHello\n");
    blog.link("_posts/loop", Path::new("."));
    blog.link("_posts/sub/up", Path::new("../.."));
    let run = lanyard(&["check"], &blog.root());
    assert_eq!(run.code, Some(0), "{}", run.all());
}

#[test]
fn check_never_walks_out_of_the_blog_through_links() {
    let blog = Blog::new("title: t\n");
    blog.write(POST, "---\ntitle: J1\n---\nHello\n");
    blog.link("root", Path::new("/"));
    blog.link("_posts/2023-04-20-leak.md", &blog.secret());
    let run = lanyard(&["check"], &blog.root());
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(!run.all().contains(SECRET), "{}", run.all());
    assert!(!run.all().contains("/dev"), "{}", run.all());
    assert!(
        run.stdout.contains(
            "_posts/2023-04-20-leak.md:1: warning: ignored: is a link leading outside the site"
        ),
        "{}",
        run.all()
    );
}

#[test]
fn an_includes_dir_outside_the_site_is_refused_naming_the_setting() {
    let blog = Blog::new("title: t\nincludes_dir: /etc\n");
    let post = blog.write(POST, "---\ntitle: J1\n---\n{% include passwd %}\n");
    let run = lanyard(&["render", path_arg(&post)], &blog.root());
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(!run.stdout.contains("root:"), "{}", run.stdout);
    assert!(run.stderr.contains("_config.yml"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`includes_dir: /etc` leads outside the site"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_include_linked_out_of_the_site_is_refused_naming_it() {
    let blog = Blog::new("title: t\n");
    blog.link("_includes/leak.html", &blog.secret());
    let post = blog.write(POST, "---\ntitle: J1\n---\n{% include leak.html %}\n");
    let run = lanyard(&["render", path_arg(&post)], &blog.root());
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(!run.all().contains(SECRET), "{}", run.all());
    assert!(
        run.stderr.contains("leak.html: leads outside the site"),
        "{}",
        run.stderr
    );
}

#[test]
fn fifos_as_image_include_post_and_config_never_block() {
    let blog = Blog::new("title: t\n");
    blog.fifo("assets/pipe.png");
    blog.fifo("_includes/pipe.html");
    blog.fifo("_posts/2023-04-20-pipe.md");
    let post = blog.write(
        POST,
        "---\ntitle: J1\n---\n![p](/assets/pipe.png)\n\n{% include pipe.html %}\n",
    );
    let run = lanyard(&["render", path_arg(&post)], &blog.root());
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stderr.contains("pipe.png: not a regular file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("pipe.html: not a regular file"),
        "{}",
        run.stderr
    );
    let run = lanyard(&["check"], &blog.root());
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stdout
            .contains("_posts/2023-04-20-pipe.md:1: warning: ignored: is not a regular file"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("pipe.png: not a regular file"),
        "{}",
        run.stdout
    );

    fs::remove_file(blog.root().join("_config.yml")).expect("rm config");
    blog.fifo("_config.yml");
    let run = lanyard(&["check"], &blog.root());
    assert_eq!(run.code, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("_config.yml: not a regular file"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_image_linked_out_of_the_site_is_flagged_by_check_and_render() {
    let blog = Blog::new("title: t\n");
    blog.link("assets/images/x.png", &blog.secret());
    let post = blog.write(POST, "---\ntitle: J1\n---\n![x](/assets/images/x.png)\n");
    let run = lanyard(&["render", path_arg(&post)], &blog.root());
    assert!(!run.all().contains(SECRET), "{}", run.all());
    assert!(
        run.stderr.contains("x.png: leads outside the site"),
        "{}",
        run.stderr
    );
    let run = lanyard(&["check"], &blog.root());
    assert!(
        run.stdout
            .contains(&format!("{POST}:4: warning: image `/assets/images/x.png`")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("leads outside the site"),
        "{}",
        run.stdout
    );
}

#[test]
fn publish_to_another_repository_refuses_an_image_linked_out_of_the_blog() {
    let repo = BlogRepo::new();
    let before = repo.snapshot();
    let commits = repo.commit_count();
    let drafts = Blog::new("title: drafts\n");
    drafts.link("assets/images/x.png", &drafts.secret());
    let draft = drafts.write(
        "_drafts/leak.md",
        "---\ntitle: Leak\ndate: 2025-06-20\n---\n![x](/assets/images/x.png)\n",
    );
    let target = repo.root();
    let run = lanyard(
        &[
            "publish",
            path_arg(&draft),
            "--to",
            path_arg(&target),
            "--commit",
        ],
        &drafts.root(),
    );
    assert_eq!(run.code, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("x.png: leads outside the site"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.snapshot(), before, "nothing written in the target");
    assert_eq!(repo.commit_count(), commits, "nothing committed");
    assert!(!repo.root().join("assets/images/x.png").exists());
}

#[test]
fn publish_in_place_refuses_an_image_linked_out_of_the_blog() {
    let blog = Blog::new("title: t\n");
    blog.link("assets/images/x.png", &blog.secret());
    let draft = blog.write(
        "_drafts/leak.md",
        "---\ntitle: Leak\ndate: 2023-04-20\n---\n![x](/assets/images/x.png)\n",
    );
    let run = lanyard(&["publish", path_arg(&draft)], &blog.root());
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.all().contains("leads outside the site"),
        "{}",
        run.all()
    );
    assert!(draft.exists(), "the draft stays where it was");
    assert!(!blog.root().join("_posts/2023-04-20-leak.md").exists());
}

/// A post at `/blog/2023/04/19/kubecon-j1.html` with relative, `baseurl` and encoded images.
fn blog_with_images() -> (Blog, PathBuf) {
    let blog = Blog::new("title: t\nbaseurl: /blog\n");
    for rel in ["2023/04/19/img.png", "assets/x.png", "assets/a bé.png"] {
        blog.write(rel, "png");
    }
    let post = blog.write(
        POST,
        "---\ntitle: J1\n---\n![a](img.png)\n\n![b](../../../assets/x.png)\n\n\
         ![c](/blog/assets/a%20b%C3%A9.png?v=2#top)\n\n![d](missing.png)\n\n\
         <img src=\"./img.png\" alt=\"e\">\n",
    );
    (blog, post)
}

#[test]
fn relative_baseurl_and_encoded_images_resolve_to_the_files_of_the_site() {
    let (blog, _post) = blog_with_images();
    let run = lanyard(&["check"], &blog.root());
    let warnings: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        warnings,
        [format!(
            "{POST}:10: warning: image `missing.png` is not in the site"
        )],
        "{}",
        run.all()
    );
}

#[test]
fn the_preview_gets_asset_urls_from_the_core_for_relative_and_html_images() {
    let (blog, post) = blog_with_images();
    let ws = Workspace::open(blog.root()).expect("open");
    let text = fs::read_to_string(&post).expect("post");
    let options = RenderOptions {
        asset_urls: true,
        ..RenderOptions::default()
    };
    let html = ws
        .render_text_with(&post, &text, &options)
        .expect("render")
        .html;
    for url in [
        "src=\"lanyard-asset://localhost/2023/04/19/img.png\" alt=\"a\" data-site-src=\"img.png\"",
        "src=\"lanyard-asset://localhost/assets/x.png\"",
        "src=\"lanyard-asset://localhost/assets/a%20b%C3%A9.png\"",
        "<img src=\"lanyard-asset://localhost/2023/04/19/img.png\" alt=\"e\">",
    ] {
        assert!(html.contains(url), "{url} in {html}");
    }
    let plain = ws.render_text(&post, &text).expect("render").html;
    assert!(!plain.contains("lanyard-asset"), "{plain}");
}
