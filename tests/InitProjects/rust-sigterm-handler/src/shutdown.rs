//! SIGTERM ends the process with status 0, also when it runs as PID 1 in a container.

const SIGTERM: i32 = 15;

extern "C" {
    fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
    fn _exit(status: i32) -> !;
}

extern "C" fn on_sigterm(_: i32) {
    // Only async-signal-safe calls belong in a handler: _exit is one.
    unsafe { _exit(0) }
}

pub fn exit_on_sigterm() {
    unsafe {
        signal(SIGTERM, on_sigterm);
    }
}
