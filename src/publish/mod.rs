//! Publishing: one click from a draft to a post online, without breaking the blog.
//!
//! - [`plan`]: what publishing changes ([`plan_publish`]): a draft moved to
//!   `_posts/YYYY-MM-DD-slug.md`, `published: false` removed, every series header regenerated,
//!   or (`--to REPO`) the post and its images copied into another repository;
//! - [`checks`]: what would break or spoil the published blog, on the planned texts;
//! - [`diff`]: the plan as text, a unified diff per changed file (`--dry-run`, the dialog);
//! - [`apply`]: writing the plan all or nothing, and undoing it;
//! - [`execute`]: apply then commit, the files put back when the commit fails;
//! - [`git_commit`] and [`git_push`]: one commit of exactly the plan's files (libgit2), and a
//!   push through the user's own `git`;
//! - [`sequence`]: write, commit, push, and on a rejected push pull with rebase and push
//!   again ([`publish_plan`]): the CLI and the app run this one sequence;
//! - [`settings`]: the repository a drafts folder publishes into, the image size limit.
//!
//! Nothing is written until [`apply::apply_plan`]; a failing step leaves every file as it was.

pub mod apply;
pub mod checks;
pub mod diff;
pub mod execute;
pub mod git_commit;
pub mod git_push;
pub mod plan;
pub mod sequence;
pub mod settings;

pub use apply::{apply_plan, undo_plan};
pub use checks::{PublishCheck, PublishFinding};
pub use diff::{change_diff, file_action, render_plan, unified_diff, FileAction};
pub use execute::{execute_plan, Executed};
pub use git_commit::{commit_plan, repository_of, staged_conflicts, CommitOutcome};
pub use git_push::{
    git_timeout, pull_rebase, pull_rebase_with, push, push_with, GitRunOptions, PushOutcome,
    PushStatus, DEFAULT_GIT_TIMEOUT, GIT_TIMEOUT_VAR,
};
pub use plan::{plan_publish, FileCopy, PublishOptions, PublishPlan, PublishedPost};
pub use sequence::{
    publish_plan, push_repository, PublishProgress, PublishStep, Published, PushMode, PushRun,
};
pub use settings::PublishSettings;
