use kryo5::Kryo;

#[derive(Kryo, Clone, Debug, Default)]
struct A {
    a: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
struct B<T> {
    #[kryo(extends)]
    a: A,
    t: Option<T>,
}

fn main() {}
