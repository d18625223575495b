//! The blog as Jekyll sees it: configuration, posts and drafts, URLs, what is published.
