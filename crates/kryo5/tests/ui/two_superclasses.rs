use kryo5::Kryo;

#[derive(Kryo, Clone, Debug, Default)]
struct A {
    a: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
struct B {
    #[kryo(extends)]
    a: A,
    #[kryo(extends)]
    also: A,
}

fn main() {}
