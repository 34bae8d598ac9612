//! A single-threaded web server as tutorials start one: a fixed address and port, bound to
//! loopback, which is fine on a laptop and unreachable from outside a container.
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

fn main() {
    let listener = TcpListener::bind("127.0.0.1:7878").unwrap();

    for stream in listener.incoming() {
        let stream = stream.unwrap();
        handle_connection(stream);
    }
}

fn handle_connection(mut stream: TcpStream) {
    let buf_reader = BufReader::new(&stream);
    let _request_line = buf_reader.lines().next();
    let contents = "Hello from a loopback-bound server\n";
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{contents}",
        contents.len()
    );
    stream.write_all(response.as_bytes()).unwrap();
}
