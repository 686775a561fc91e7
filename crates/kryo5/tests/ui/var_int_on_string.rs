use kryo5::Kryo;

#[derive(Kryo)]
struct Media {
    #[kryo(var_int = false)]
    uri: String,
}

fn main() {}
