//! The two pictures on the portfolio page, as small inline SVG: the funnel
//! of proposals by status and a sparkline of each proposal's iterations.
//! Colours come from the stylesheet (`currentColor` and CSS classes), so both
//! read in dark mode and on paper.

use chrono::{DateTime, FixedOffset};

use super::data::FunnelStage;
use super::render::escape;

/// Horizontal bars, one per status in the configured order, longest = most.
pub fn funnel(stages: &[FunnelStage]) -> String {
    let max = stages.iter().map(|s| s.count).max().unwrap_or(0).max(1);
    let row = 22;
    let label_w = 90.0;
    let bar_w = 260.0;
    let height = row * stages.len().max(1) + 4;
    let total: usize = stages.iter().map(|s| s.count).sum();
    let mut out = format!(
        r#"<svg class="funnel" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 {height}" width="480" height="{height}" role="img" aria-labelledby="funnel-title"><title id="funnel-title">Proposals by status: {}</title>"#,
        escape(
            &stages
                .iter()
                .map(|s| format!("{} {}", s.count, s.status))
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    for (i, s) in stages.iter().enumerate() {
        let y = i * row + 2;
        let w = if s.count == 0 {
            1.0
        } else {
            bar_w * s.count as f64 / max as f64
        };
        let status = escape(&s.status);
        let meaning = s.meaning.as_str();
        let pct = (s.count * 100).checked_div(total).unwrap_or(0);
        out.push_str(&format!(
            r#"<g class="stage status-{status} meaning-{meaning}"><text x="{lx}" y="{ty}" text-anchor="end" fill="currentColor" font-size="12">{status}</text><rect x="{bx}" y="{y}" width="{w:.1}" height="16" rx="3" class="bar meaning-{meaning}"/><text x="{nx:.1}" y="{ty}" fill="currentColor" font-size="12">{} ({pct}%)</text></g>"#,
            s.count,
            lx = label_w - 6.0,
            ty = y + 12,
            bx = label_w,
            nx = label_w + w + 6.0,
        ));
    }
    out.push_str("</svg>");
    out
}

/// Iterations over time: one dot per iteration on a line from the
/// portfolio's first iteration (`from`) to its last (`to`), rising with the
/// count, so proposals can be compared at a glance.
pub fn sparkline(dates: &[DateTime<FixedOffset>], from: i64, to: i64) -> String {
    let (w, h) = (100.0, 22.0);
    let n = dates.len();
    let title = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) => format!(
            "{n} iteration{} from {} to {}",
            if n == 1 { "" } else { "s" },
            a.format("%Y-%m-%d"),
            b.format("%Y-%m-%d")
        ),
        _ => "no iterations yet".to_string(),
    };
    let mut out = format!(
        r#"<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img"><title>{}</title><line x1="0" y1="{base}" x2="{w}" y2="{base}" class="axis" stroke="currentColor" stroke-opacity="0.3"/>"#,
        escape(&title),
        base = h - 2.0
    );
    if n == 0 {
        out.push_str("</svg>");
        return out;
    }
    let span = (to - from).max(1) as f64;
    let points: Vec<(f64, f64)> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = 3.0 + (w - 6.0) * ((d.timestamp() - from) as f64 / span).clamp(0.0, 1.0);
            let y = (h - 3.0) - (h - 6.0) * ((i + 1) as f64 / n as f64);
            (x, y)
        })
        .collect();
    let path: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    out.push_str(&format!(
        r#"<polyline points="{}" fill="none" stroke="currentColor" stroke-width="1.2"/>"#,
        path.join(" ")
    ));
    for (x, y) in points {
        out.push_str(&format!(
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="2" fill="currentColor"/>"#
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn funnel_escapes_status_names() {
        let svg = funnel(&[FunnelStage {
            status: "<b>".into(),
            meaning: crate::config::Meaning::Other,
            count: 2,
        }]);
        assert!(svg.contains("&lt;b&gt;"));
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn sparkline_has_a_dot_per_iteration() {
        let d = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let dates = [
            d("2026-01-01T00:00:00+00:00"),
            d("2026-02-01T00:00:00+00:00"),
        ];
        let svg = sparkline(&dates, dates[0].timestamp(), dates[1].timestamp());
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("2 iterations from 2026-01-01 to 2026-02-01"));
    }
}
