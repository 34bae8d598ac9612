fn main() {
    print!("{}", tools::greeting());
}
