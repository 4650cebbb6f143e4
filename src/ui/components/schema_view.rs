use crate::engine::codec::Bundle;
use crate::engine::schema::{Mark, Marks};
use crate::engine::Answers;
use crate::ui::components::BundleRef;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchemaViewProps {
    pub bundle: BundleRef,
    pub marks: Marks,
    pub answers: Answers,
    /// The whole schema, large (projector) instead of beside the step.
    #[prop_or_default]
    pub large: bool,
    /// Called with a question id to go back to it.
    pub onedit: Callback<String>,
    /// The outcome box was chosen.
    pub onoutcome: Callback<()>,
}

/// Zoom steps, in percent of the laid-out size; 0 is "fit to the width".
const ZOOMS: [u32; 5] = [0, 50, 75, 100, 150];

/// The stroomschema as SVG, drawn from the laid-out schema of the rule file: the route taken lit,
/// the current node marked, nodes that can no longer be reached dimmed. Answered questions and the
/// outcome reached are buttons. Marks never rely on colour alone: a ✓ and a thick border on the
/// route, "nu" on the current node, dashed borders and grey text for dimmed nodes, thick lines for
/// the edges taken and dotted ones for edges out of reach.
#[component]
pub fn SchemaView(props: &SchemaViewProps) -> Html {
    let b: &Bundle = &props.bundle.0;
    let l = &b.layout;
    let ids = crate::engine::schema::node_ids(&b.guideline);
    let zoom = use_state(|| if props.large { 0 } else { 75 });
    let scroller = use_node_ref();
    // Keep the current node in view inside the panel (its own scroll, never the page's).
    let current = ids.iter().position(|id| props.marks.of(id) == Mark::Current);
    {
        let scroller = scroller.clone();
        let target = current.and_then(|i| l.nodes.get(i)).map(|n| (n.x + n.w / 2, n.y + n.h / 2));
        let (width, z) = (l.width, *zoom);
        use_effect_with((target, z), move |_| {
            if let (Some((x, y)), Some(el)) = (target, scroller.cast::<Element>()) {
                let scale = if z == 0 { f64::from(el.client_width()) / f64::from(width.max(1)) } else { f64::from(z) / 100.0 };
                el.set_scroll_left((f64::from(x) * scale) as i32 - el.client_width() / 2);
                el.set_scroll_top((f64::from(y) * scale) as i32 - el.client_height() / 2);
            }
        });
    }
    let z = *zoom;
    let step = |d: i32| {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| {
            let i = ZOOMS.iter().position(|v| *v == *zoom).unwrap_or(2) as i32 + d;
            zoom.set(ZOOMS[i.clamp(0, ZOOMS.len() as i32 - 1) as usize]);
        })
    };
    // Fitted: 100 % wide and the height from the viewBox (CSS height: auto; "auto" is no SVG length).
    let (w, h) = if z == 0 { ("100%".to_string(), None) } else { ((l.width as u32 * z / 100).to_string(), Some((l.height as u32 * z / 100).to_string())) };

    let edges = l.edges.iter().map(|e| {
        let (from, to) = (&ids[e.from.min(ids.len() - 1)], &ids[e.to.min(ids.len() - 1)]);
        let taken = props.marks.taken(from, to);
        let dim = !taken && (props.marks.of(to) == Mark::Dimmed || props.marks.of(from) == Mark::Dimmed);
        let d: String = e.points.iter().enumerate().map(|(i, (x, y))| format!("{}{x} {y}", if i == 0 { "M" } else { "L" })).collect();
        let label = if e.rule { format!("§ {}", e.label) } else { e.label.clone() };
        let lw = label.chars().count() as i32 * 6 + 6;
        html! {
            <g class={classes!("rw-lijn", taken.then_some("rw-genomen"), dim.then_some("rw-dim"))}>
                <path d={d} />
                <path class="rw-pijl" d={arrow(&e.points)} />
                <rect class="rw-labelvlak" x={(e.label_at.0 - lw / 2).to_string()} y={(e.label_at.1 - 11).to_string()} width={lw.to_string()} height="15" />
                <text x={e.label_at.0.to_string()} y={e.label_at.1.to_string()} text-anchor="middle">{ label }</text>
            </g>
        }
    });

    let nodes = l.nodes.iter().zip(&ids).map(|(n, id)| {
        let mark = props.marks.of(id);
        let question = b.guideline.question(id);
        let outcome = question.is_none();
        let (role, label, onactivate) = match (question, mark) {
            (Some(q), Mark::Path) => {
                let chosen = props.answers.get(id).and_then(|a| q.options.iter().find(|c| &c.id == a)).map(|c| c.label.as_str()).unwrap_or("weet ik niet");
                let (cb, id) = (props.onedit.clone(), id.clone());
                (Some("button"), format!("Ga terug naar de vraag: {} (uw antwoord: {chosen})", q.text), Some(Callback::from(move |_: ()| cb.emit(id.clone()))))
            }
            (None, Mark::Current) => {
                let title = b.guideline.outcome(id).map(|o| o.title.as_str()).unwrap_or_default();
                (Some("button"), format!("Open de uitkomst: {title}"), Some(props.onoutcome.reform(|_: ()| ())))
            }
            _ => (None, String::new(), None),
        };
        let onclick = onactivate.clone().map(|cb| Callback::from(move |_: MouseEvent| cb.emit(())));
        let onkeydown = onactivate.map(|cb| {
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    cb.emit(());
                }
            })
        });
        let mark_class = match mark {
            Mark::Current => "rw-nu",
            Mark::Path => "rw-route",
            Mark::Reachable => "rw-open",
            Mark::Dimmed => "rw-dim",
        };
        let badge = match mark {
            Mark::Current => "nu",
            Mark::Path => "✓",
            _ => "",
        };
        html! {
            <g class={classes!("rw-knoop", if outcome { "rw-uitkomstknoop" } else { "rw-vraagknoop" }, mark_class)}
                transform={format!("translate({} {})", n.x, n.y)}
                role={role} tabindex={role.map(|_| "0")} aria-label={role.map(|_| label)} {onclick} {onkeydown}>
                <rect class="rw-focusring" x="-5" y="-5" width={(n.w + 10).to_string()} height={(n.h + 10).to_string()} rx="8" />
                <rect width={n.w.to_string()} height={n.h.to_string()} rx={if outcome { "14" } else { "3" }} />
                { for n.lines.iter().enumerate().map(|(i, t)| html! {
                    <text x={(n.w / 2).to_string()} y={(17 + 16 * i as i32).to_string()} text-anchor="middle">{ t }</text>
                }) }
                if !badge.is_empty() {
                    <g class="rw-teken"><circle cx={n.w.to_string()} cy="0" r="10" /><text x={n.w.to_string()} y="4" text-anchor="middle">{ badge }</text></g>
                }
            </g>
        }
    });

    html! {
        <div class={classes!("rw-schema", props.large.then_some("rw-schema-groot"))}>
            <div class="rw-zoom" role="group" aria-label="Zoom">
                <button type="button" class="rw-knop rw-klein" onclick={step(-1)} disabled={z == 0} aria-label="Kleiner">{ "−" }</button>
                <button type="button" class="rw-knop rw-klein" onclick={step(1)} disabled={z == ZOOMS[ZOOMS.len() - 1]} aria-label="Groter">{ "+" }</button>
                <button type="button" class="rw-knop rw-klein" onclick={let zoom = zoom.clone(); move |_| zoom.set(0)} aria-pressed={(z == 0).to_string()}>{ "Passend" }</button>
            </div>
            <div class="rw-schemavlak" ref={scroller} tabindex="0" role="region" aria-label="Stroomschema (scrollbaar)">
                <svg class="rw-svg" viewBox={format!("0 0 {} {}", l.width, l.height)} width={w} height={h} role="group"
                    aria-label={format!("Stroomschema {}: uw route is gemarkeerd met een vinkje, de huidige stap met 'nu'. De tekstversie staat eronder.", b.guideline.region)}>
                    <g aria-hidden="true">{ for edges }</g>
                    { for nodes }
                </svg>
            </div>
        </div>
    }
}

/// The arrowhead at the end of a polyline, as a small triangle along its last segment.
fn arrow(points: &[(i32, i32)]) -> String {
    let n = points.len();
    if n < 2 {
        return String::new();
    }
    let ((x0, y0), (x1, y1)) = (points[n - 2], points[n - 1]);
    let (dx, dy) = (f64::from(x1 - x0), f64::from(y1 - y0));
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (f64::from(x1) - ux * 9.0, f64::from(y1) - uy * 9.0);
    let p = |x: f64, y: f64| format!("{} {}", x.round() as i32, y.round() as i32);
    format!("M{}L{}L{}Z", p(f64::from(x1), f64::from(y1)), p(bx - uy * 5.0, by + ux * 5.0), p(bx + uy * 5.0, by - ux * 5.0))
}
