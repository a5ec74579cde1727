//! Values that follow another one just after the next frame is painted, for displays that need not change in the
//! same frame as the click that changed them (the progress counts): the frame after a rating paints the rating
//! itself, and the counts follow one frame later.

use std::time::Duration;

use leptos::prelude::*;

/// A signal that shows `source`'s value from the start and takes each change once the next frame has been painted;
/// several changes before that are taken as one.
pub fn follow_after_paint<T>(source: Memo<T>) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let shown = RwSignal::new(source.get_untracked());
    let scheduled = StoredValue::new(false);
    Effect::new(move |_| {
        source.track();
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        after_next_paint(move || {
            // The page that showed the value may be gone by now: then there is nothing to update.
            if scheduled.try_set_value(false).is_some() {
                return;
            }
            if let Some(value) = source.try_get_untracked() {
                if shown.try_with_untracked(|shown| *shown != value) == Some(true) {
                    let _ = shown.try_set(value);
                }
            }
        });
    });
    shown.into()
}

/// Runs `task` in the first task after the next frame: an animation frame callback runs before that frame's
/// rendering, a timeout set from it after.
fn after_next_paint(task: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(task, Duration::ZERO));
}
