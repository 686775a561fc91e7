use kryo5::Kryo;

#[derive(Kryo)]
struct Media {
    #[kryo(nullable)]
    uri: String,
}

fn main() {}
