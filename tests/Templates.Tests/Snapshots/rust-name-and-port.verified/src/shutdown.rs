//! Exit promptly on SIGTERM (docker stop) and SIGINT (Ctrl+C).
//!
//! The kernel gives PID 1 no default action for these signals, so without a handler `docker stop`
//! waits 10 s and then kills the app. std has no signal API and crates.io is not needed for one:
//! `signal`, `write` and `_exit` come from the C library that std links anyway.

use std::ffi::c_int;

// Linux's numbers for these signals, the same on every architecture Docker builds for here.
const SIGINT: c_int = 2;
const SIGTERM: c_int = 15;
const SIG_ERR: usize = usize::MAX;

unsafe extern "C" {
    fn signal(signum: c_int, handler: extern "C" fn(c_int)) -> usize;
    fn write(fd: c_int, buf: *const u8, count: usize) -> isize;
    fn _exit(status: c_int) -> !;
}

// A signal handler may only call async-signal-safe functions: write(2) and _exit(2) are; println!
// (which takes a lock) and std::process::exit (which runs exit handlers) are not.
extern "C" fn on_stop_signal(_signum: c_int) {
    const MESSAGE: &[u8] = b"stop signal received, exiting\n";
    unsafe {
        write(1, MESSAGE.as_ptr(), MESSAGE.len());
        _exit(0);
    }
}

pub fn exit_on_stop_signals() {
    for signum in [SIGTERM, SIGINT] {
        if unsafe { signal(signum, on_stop_signal) } == SIG_ERR {
            eprintln!("warning: could not install a handler for signal {signum}; docker stop will be slow");
        }
    }
}
