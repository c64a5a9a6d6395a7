//! Issue 11's native target, printed with its figures: payrules within 1.5x of the hand-written serde visitor on every payload (interleaved rounds, median ns per call).

use std::hint::black_box;
use std::time::Instant;

use payrules_bench::{visitor, PAYLOADS};

/// Nanoseconds per call of `run`, one round of `calls`.
fn round(calls: u32, run: &dyn Fn() -> usize) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        black_box(run());
    }
    start.elapsed().as_nanos() as f64 / f64::from(calls)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15);
    let calls: u32 = std::env::var("CALLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    println!("payrules::validate_json against the hand-written serde visitor, {rounds} interleaved rounds of {calls} calls, median ns/call");
    println!("| payload | payrules | visitor | payrules / visitor |");
    println!("|---|---:|---:|---:|");
    let mut worst: f64 = 0.0;
    for (name, dto, json) in PAYLOADS {
        let bytes = json.as_bytes();
        let ours = || {
            payrules::validate_json(black_box(dto), black_box(bytes))
                .errors
                .len()
        };
        let theirs = || {
            visitor::validate(black_box(dto), black_box(bytes))
                .errors
                .len()
        };
        assert_eq!(
            ours(),
            theirs(),
            "{name}: the two must find the same errors"
        );
        for _ in 0..calls {
            black_box(ours());
            black_box(theirs());
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            a.push(round(calls, &ours));
            b.push(round(calls, &theirs));
        }
        let (a, b) = (median(a), median(b));
        worst = worst.max(a / b);
        println!("| {name} | {a:.0} | {b:.0} | {:.2}x |", a / b);
    }
    let verdict = if worst <= 1.5 { "met" } else { "NOT MET" };
    println!("\nTarget: payrules within 1.5x of the visitor on every payload: worst {worst:.2}x — {verdict}");
}
