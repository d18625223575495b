//! `lanyard check`: what would break or degrade a Jekyll build of the blog.
