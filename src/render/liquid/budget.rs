//! The resource limits of one Liquid run, modelled on Liquid's `resource_limits`
//! (`render_length_limit`, `render_score_limit`, `assign_score_limit`) and on its
//! "Nesting too deep" stop, so that a hostile post or include (a string doubled in a loop, a
//! `(1..1000000000)` range, an include that includes itself) ends quickly with one error
//! instead of exhausting memory or time.
//!
//! Each limit is far above what real posts use: over the shared real-blog corpus (7 blogs,
//! 260 posts) the largest rendered post is under 90 KiB, no post has a loop, and includes
//! (645 of them) never include another.

/// Largest Liquid output, captures included (Liquid's `render_length_limit`): 8 MiB.
pub(crate) const MAX_OUTPUT_BYTES: usize = 8 << 20;

/// Largest text a single value may hold after an `assign`, a `capture` or a filter
/// (Liquid's `assign_score_limit` counts the same bytes): 4 MiB.
pub(crate) const MAX_VALUE_BYTES: usize = 4 << 20;

/// Most bytes `assign` and `capture` may store in one run, summed (Liquid's
/// `assign_score_limit` is also a running total): 64 MiB. Counts list items too, so that
/// `split: ""` of a long text assigned again and again stops before memory runs out.
pub(crate) const MAX_ASSIGNED_BYTES: usize = 64 << 20;

/// Bytes counted per value besides its text (a list item, a number), about what it costs.
const VALUE_OVERHEAD: usize = 32;

/// Most loop iterations in one run, summed over every `for` (nested ones included).
pub(crate) const MAX_LOOP_ITERATIONS: usize = 200_000;

/// Most tokens run in one run (Liquid's `render_score_limit`): bounds the total work.
pub(crate) const MAX_STEPS: usize = 2_000_000;

/// How deep blocks (`if`, `for`, `capture`, ...) and includes may nest: Liquid stops at 100
/// ("Nesting too deep"), and Jekyll's recursive includes end the same way.
pub(crate) const MAX_NESTING: usize = 100;

/// Why a run stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Exceeded {
    /// Byte offset in the file of the tag (or include tag) being run when the budget ran out.
    pub offset: usize,
    /// Which budget, and its limit, as a sentence.
    pub message: String,
}

/// What is left of each budget during one run.
#[derive(Debug, Clone, Default)]
pub(crate) struct Budget {
    /// Tokens run so far.
    steps: usize,
    /// Loop iterations so far.
    iterations: usize,
    /// Bytes assigned so far.
    assigned: usize,
    /// The first budget that ran out; once set, the run unwinds without doing more.
    pub exceeded: Option<Exceeded>,
}

impl Budget {
    /// Whether the run must stop.
    pub fn is_exceeded(&self) -> bool {
        self.exceeded.is_some()
    }

    /// Stops the run at `offset` with `message` (the first stop wins).
    pub fn stop(&mut self, offset: usize, message: String) {
        if self.exceeded.is_none() {
            self.exceeded = Some(Exceeded { offset, message });
        }
    }

    /// Counts `count` tokens run or scanned; false (and stopped) past [`MAX_STEPS`].
    pub fn steps(&mut self, offset: usize, count: usize) -> bool {
        self.steps = self.steps.saturating_add(count);
        if self.steps > MAX_STEPS {
            self.stop(
                offset,
                format!("Liquid did too much work (over {MAX_STEPS} tags and outputs run); rendering stopped"),
            );
        }
        !self.is_exceeded()
    }

    /// Reserves `count` loop iterations; false (and stopped) past [`MAX_LOOP_ITERATIONS`].
    pub fn iterations(&mut self, offset: usize, count: usize) -> bool {
        self.iterations = self.iterations.saturating_add(count);
        if self.iterations > MAX_LOOP_ITERATIONS {
            self.stop(
                offset,
                format!("Liquid loops ran over {MAX_LOOP_ITERATIONS} iterations in all; rendering stopped"),
            );
        }
        !self.is_exceeded()
    }

    /// Checks that the output may grow to `len` bytes; false (and stopped) past
    /// [`MAX_OUTPUT_BYTES`].
    pub fn output(&mut self, offset: usize, len: usize) -> bool {
        if len > MAX_OUTPUT_BYTES {
            self.stop(
                offset,
                format!(
                    "Liquid output over {} MiB; rendering stopped",
                    MAX_OUTPUT_BYTES >> 20
                ),
            );
        }
        !self.is_exceeded()
    }

    /// Checks a value's text length; false (and stopped) past [`MAX_VALUE_BYTES`].
    pub fn value(&mut self, offset: usize, len: usize) -> bool {
        if len > MAX_VALUE_BYTES {
            self.stop(
                offset,
                format!(
                    "a Liquid value grew over {} MiB; rendering stopped",
                    MAX_VALUE_BYTES >> 20
                ),
            );
        }
        !self.is_exceeded()
    }

    /// Counts `value` as assigned; false (and stopped) past [`MAX_ASSIGNED_BYTES`].
    pub fn assign(&mut self, offset: usize, value: &serde_json::Value) -> bool {
        self.assigned = self.assigned.saturating_add(value_cost(value));
        if self.assigned > MAX_ASSIGNED_BYTES {
            self.stop(
                offset,
                format!(
                    "Liquid assigned over {} MiB in all; rendering stopped",
                    MAX_ASSIGNED_BYTES >> 20
                ),
            );
        }
        !self.is_exceeded()
    }

    /// Checks the nesting depth; false (and stopped) past [`MAX_NESTING`].
    pub fn nesting(&mut self, offset: usize, depth: usize) -> bool {
        if depth > MAX_NESTING {
            self.stop(
                offset,
                format!("Liquid blocks or includes nest over {MAX_NESTING} deep (an include including itself?); rendering stopped"),
            );
        }
        !self.is_exceeded()
    }
}

/// About how many bytes `value` holds.
fn value_cost(value: &serde_json::Value) -> usize {
    use serde_json::Value;
    let inner = match value {
        Value::String(s) => s.len(),
        Value::Array(a) => a.iter().map(value_cost).fold(0, usize::saturating_add),
        Value::Object(o) => o
            .iter()
            .map(|(k, v)| k.len().saturating_add(value_cost(v)))
            .fold(0, usize::saturating_add),
        _ => 0,
    };
    inner.saturating_add(VALUE_OVERHEAD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_exactly_the_limit_and_stops_one_past_it() {
        let mut b = Budget::default();
        assert!(b.output(0, MAX_OUTPUT_BYTES));
        assert!(b.value(0, MAX_VALUE_BYTES));
        assert!(b.nesting(0, MAX_NESTING));
        assert!(b.iterations(0, MAX_LOOP_ITERATIONS));
        assert!(!b.is_exceeded());
        assert!(!b.iterations(7, 1));
        assert_eq!(b.exceeded.as_ref().map(|e| e.offset), Some(7));
    }

    #[test]
    fn keeps_the_first_reason_to_stop() {
        let mut b = Budget::default();
        assert!(!b.output(3, MAX_OUTPUT_BYTES + 1));
        assert!(!b.value(9, MAX_VALUE_BYTES + 1));
        let first = b.exceeded.expect("stopped");
        assert_eq!(first.offset, 3);
        assert!(first.message.contains("output"), "{}", first.message);
    }

    #[test]
    fn sums_assigned_bytes_with_list_items() {
        let mut b = Budget::default();
        let text = serde_json::Value::String("x".repeat(MAX_ASSIGNED_BYTES / 2));
        assert!(b.assign(0, &text));
        assert!(!b.assign(4, &text));
        let list = serde_json::json!(["a", "b"]);
        assert_eq!(value_cost(&list), 2 * (1 + VALUE_OVERHEAD) + VALUE_OVERHEAD);
    }

    #[test]
    fn counts_steps_up_to_the_limit() {
        let mut b = Budget::default();
        for _ in 0..MAX_STEPS {
            assert!(b.steps(0, 1));
        }
        assert!(!b.steps(5, 1));
    }
}
