//! Entry point of the web build: set the panic hook, mount the app.

fn main() {
    checkwerk_web::panic::install();
    leptos::mount::mount_to_body(checkwerk_web::App);
    checkwerk_web::panic::crash_if_test_requested();
}
