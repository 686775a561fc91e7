use kryo5::Kryo;

#[derive(Kryo)]
struct Names<'a, 'b> {
    first: &'a str,
    last: &'b str,
}

#[derive(Kryo, Default)]
struct Base<'a> {
    name: &'a str,
}

#[derive(Kryo)]
struct Sub<'a> {
    #[kryo(extends)]
    base: Base<'a>,
    title: &'a str,
}

fn main() {}
