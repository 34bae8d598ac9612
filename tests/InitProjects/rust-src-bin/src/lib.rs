pub fn greeting() -> &'static str {
    "tools\n"
}
