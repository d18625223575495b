//! Ruby's `File.fnmatch?` without flags, as Jekyll uses it for `exclude:`/`include:` and for
//! front matter `defaults:` scopes: `*` and `?` also match `/`, `[...]` is a character class.

/// Whether `name` matches the glob `pattern` (whole string, `File.fnmatch?` semantics).
pub fn fnmatch(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    match_from(&p, &n)
}

fn match_from(p: &[char], n: &[char]) -> bool {
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, ni));
                    pi += 1;
                    continue;
                }
                '?' => {
                    pi += 1;
                    ni += 1;
                    continue;
                }
                '[' => {
                    if let Some((matched, next)) = match_class(&p[pi..], n[ni]) {
                        if matched {
                            pi += next;
                            ni += 1;
                            continue;
                        }
                    } else if n[ni] == '[' {
                        pi += 1;
                        ni += 1;
                        continue;
                    }
                }
                '\\' if pi + 1 < p.len() && p[pi + 1] == n[ni] => {
                    pi += 2;
                    ni += 1;
                    continue;
                }
                c if c == n[ni] => {
                    pi += 1;
                    ni += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((sp, sn)) => {
                pi = sp + 1;
                ni = sn + 1;
                star = Some((sp, sn + 1));
            }
            None => return false,
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// Matches `c` against the class starting at `p[0] == '['`; returns (matched, class length).
fn match_class(p: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 1;
    let negate = matches!(p.get(1), Some('!') | Some('^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < p.len() {
        if p[i] == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            if p[i] <= c && c <= p[i + 2] {
                matched = true;
            }
            i += 3;
        } else {
            if p[i] == c {
                matched = true;
            }
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_literals_and_stars_across_slashes() {
        assert!(fnmatch("README.md", "README.md"));
        assert!(fnmatch("*.md", "README.md"));
        assert!(fnmatch("*.md", "docs/README.md"));
        assert!(fnmatch("_posts/*", "_posts/a/b.md"));
        assert!(!fnmatch("*.md", "README.markdown"));
    }

    #[test]
    fn matches_question_marks_and_classes() {
        assert!(fnmatch("drafts?", "drafts2"));
        assert!(fnmatch("v[0-9]", "v7"));
        assert!(!fnmatch("v[!0-9]", "v7"));
        assert!(!fnmatch("v[0-9]", "vx"));
    }
}
