use kryo5::Kryo;

#[derive(Kryo)]
#[kryo(record)]
struct Point {
    #[kryo(var_int = false)]
    x: i32,
}

fn main() {}
