//! The portfolio's flow over time, as one small inline SVG: how many
//! proposals stood in each status at each point in time, stacked (a
//! cumulative flow diagram: bands that widen show where work piles up).
//! Colours come from the stylesheet (CSS classes by status meaning), so the
//! chart reads in dark mode and on paper; its labels are HTML beside it, so
//! they stay legible on a phone.

use super::data::FlowStage;
use super::render::escape;

const W: f64 = 600.0;
const H: f64 = 150.0;

/// `columns[k][i]`: proposals in status `i` at the k-th point in time.
/// Statuses not `used` are left out. The band of the last status in the
/// configured order lies at the bottom.
pub fn flow(stages: &[FlowStage], used: &[bool], columns: &[Vec<usize>]) -> String {
    let top = columns
        .iter()
        .map(|c| c.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let now: Vec<String> = stages
        .iter()
        .zip(used)
        .filter(|(_, u)| **u)
        .map(|(s, _)| format!("{} {}", s.count, s.status))
        .collect();
    let mut out = format!(
        r#"<svg class="flow-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" preserveAspectRatio="none" role="img"><title>Proposals by status over time; now {}</title>"#,
        escape(&now.join(", "))
    );
    if columns.len() < 2 {
        out.push_str("</svg>");
        return out;
    }
    let x = |k: usize| W * k as f64 / (columns.len() - 1) as f64;
    let y = |v: usize| H - H * v as f64 / top as f64;
    let mut below = vec![0usize; columns.len()];
    for i in (0..stages.len()).rev() {
        if !used.get(i).copied().unwrap_or(false) {
            continue;
        }
        let above: Vec<usize> = columns
            .iter()
            .zip(&below)
            .map(|(c, b)| b + c.get(i).copied().unwrap_or(0))
            .collect();
        let mut points: Vec<String> = (0..columns.len())
            .map(|k| format!("{:.1},{:.1}", x(k), y(above[k])))
            .collect();
        points.extend(
            (0..columns.len())
                .rev()
                .map(|k| format!("{:.1},{:.1}", x(k), y(below[k]))),
        );
        out.push_str(&format!(
            r#"<polygon class="band meaning-{} s{i}" points="{}"/>"#,
            stages[i].meaning.as_str(),
            points.join(" ")
        ));
        below = above;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Meaning;

    fn stage(status: &str) -> FlowStage {
        FlowStage {
            status: status.into(),
            meaning: Meaning::Other,
            count: 1,
            entered: 0,
        }
    }

    #[test]
    fn one_band_per_used_status_and_names_escaped() {
        let svg = flow(
            &[stage("<b>"), stage("idle"), stage("done")],
            &[true, false, true],
            &[vec![1, 0, 0], vec![1, 0, 1]],
        );
        assert_eq!(svg.matches("<polygon").count(), 2);
        assert!(svg.contains("&lt;b&gt;"));
        assert!(!svg.contains("<b>"));
    }
}
