use kryo5::Kryo;

#[derive(Kryo)]
struct Point(i32, i32);

fn main() {}
