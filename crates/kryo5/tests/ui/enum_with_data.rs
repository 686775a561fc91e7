use kryo5::Kryo;

#[derive(Kryo, Clone, Copy, Debug)]
enum Shape {
    Circle(f64),
    Square,
}

fn main() {}
