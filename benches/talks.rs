//! Reading a KubeCon-sized schedule (600 talks over 4 days, sched.com shape: UTC times, folded
//! descriptions, speakers in the title suffix) and grouping one day by time slot, which is
//! what the schedule pane does when it opens. Target: well under 100 ms.
//! Run with `cargo bench --bench talks`.

use std::fmt::Write as _;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use jiff::civil::date;
use lanyard::talks::{group_by_slot, parse_schedule};

/// A schedule of `count` talks in the shape sched.com exports.
fn generate_schedule(count: usize) -> String {
    let mut ics = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Bench Conf\r\nX-WR-TIMEZONE:Europe/Paris\r\n",
    );
    for i in 0..count {
        let day = 10 + i % 4;
        let hour = 7 + (i / 4) % 9;
        let room = i % 12;
        let _ = write!(
            ics,
            "BEGIN:VEVENT\r\nUID:talk-{i}\r\nDTSTART:202506{day:02}T{hour:02}0000Z\r\n\
             DTEND:202506{day:02}T{hour:02}3500Z\r\nSUMMARY:Talk number {i} about clusters\\, \
             observability and cost - Jane Doe{i}, Acme Corp & Jean Dupont, Nuagique\r\n\
             DESCRIPTION:A long abstract about talk {i}\\, written on several folded lines so th\r\n \
             at the parser has to unfold them\\; with a link https://example.org/t/{i}\\n\\nLevel:\r\n \
             intermediate\r\nLOCATION:Room {room}\r\nURL:https://bench.sched.com/event/{i}\r\nEND:VEVENT\r\n"
        );
    }
    ics.push_str("END:VCALENDAR\r\n");
    ics
}

fn bench_talks(c: &mut Criterion) {
    let text = generate_schedule(600);
    c.bench_function("talks/read 600-talk schedule", |b| {
        b.iter(|| parse_schedule(Path::new("bench.ics"), &text).expect("parses"))
    });
    let schedule = parse_schedule(Path::new("bench.ics"), &text).expect("parses");
    assert_eq!(schedule.talks.len(), 600);
    assert_eq!(schedule.talks[0].speakers.len(), 2);
    c.bench_function("talks/one day by slot", |b| {
        b.iter(|| group_by_slot(&schedule.talks_on(Some(date(2025, 6, 11)))).len())
    });
}

criterion_group!(benches, bench_talks);
criterion_main!(benches);
