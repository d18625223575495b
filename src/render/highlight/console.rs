//! Shell sessions as rouge's `console.rb` reads them: a line holding a prompt end (`$`, `#`,
//! `>` or `;`, the first one) is a prompt (`gp`) then a shell command; `...` lines are comments
//! (`c`); every other line is output (`go`).

use super::shell::shell;

/// Hands each token of the session `code` to `sink`. `None` when the shell lexer fails.
pub(super) fn tokens(code: &str, sink: &mut dyn FnMut(&'static str, &str)) -> Option<()> {
    let lexer = shell()?;
    for line in code.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let end = &line[body.len()..];
        if is_snip(body) {
            sink("c", body);
            sink("", end);
        } else if let Some(at) = body.find(['$', '#', '>', ';']) {
            let (prompt, command) = body.split_at(at + 1);
            sink("gp", prompt);
            let trimmed = command.trim_start();
            sink("w", &command[..command.len() - trimmed.len()]);
            let command_line = format!("{trimmed}{end}");
            lexer.lex(&command_line, sink)?;
        } else {
            sink("go", line);
        }
    }
    Some(())
}

/// `...` or `<...>` alone on a line: an elided part of the session.
fn is_snip(line: &str) -> bool {
    let t = line.trim();
    let inner = t
        .strip_prefix('<')
        .and_then(|s| s.strip_suffix('>'))
        .unwrap_or(t);
    !inner.is_empty() && inner.chars().all(|c| c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(code: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        tokens(code, &mut |c, t| {
            if !t.trim().is_empty() {
                out.push((c.to_string(), t.to_string()))
            }
        })
        .expect("shell grammar");
        out
    }

    #[test]
    fn prompts_commands_and_output() {
        let t = classes("$ ls\nfile.txt\n");
        assert_eq!(t[0], ("gp".to_string(), "$".to_string()));
        assert_eq!(
            t.last(),
            Some(&("go".to_string(), "file.txt\n".to_string()))
        );
    }

    #[test]
    fn the_prompt_ends_at_the_first_prompt_char() {
        let t = classes("user@host:~$ pwd\n");
        assert_eq!(t[0], ("gp".to_string(), "user@host:~$".to_string()));
    }

    #[test]
    fn dots_are_a_snip() {
        assert_eq!(classes("...\n")[0].0, "c");
    }
}
