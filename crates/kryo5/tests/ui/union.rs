use kryo5::Kryo;

#[derive(Kryo)]
union Bits {
    i: i32,
    f: f32,
}

fn main() {}
