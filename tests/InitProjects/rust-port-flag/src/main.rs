//! A gate in front of a work queue: `queue-gate [-p|--port N]` (default 8095). It answers its
//! health route and turns everything else away until it has a queue to forward to, so `/`
//! answers 503 and only `/healthz` tells whether the process is up.
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::exit;

fn main() {
    let mut port: u16 = 8095;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-p" | "--port" => {
                port = match args.next().and_then(|value| value.parse().ok()) {
                    Some(port) => port,
                    None => {
                        eprintln!("error: {arg} needs a port number");
                        exit(2);
                    }
                }
            }
            other => {
                eprintln!("error: unknown argument {other}: usage: queue-gate [-p|--port N]");
                exit(2);
            }
        }
    }

    let listener = TcpListener::bind(("0.0.0.0", port)).expect("cannot listen");
    println!("queue-gate on port {port}");
    for stream in listener.incoming().flatten() {
        answer(stream);
    }
}

fn answer(mut stream: TcpStream) {
    let mut line = String::new();
    if BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let (status, body) = if line.starts_with("GET /healthz ") {
        ("200 OK", "queue-gate ok\n")
    } else {
        ("503 Service Unavailable", "no queue configured\n")
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
}
