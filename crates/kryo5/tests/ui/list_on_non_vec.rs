use kryo5::Kryo;

#[derive(Kryo)]
struct Album {
    #[kryo(list)]
    tags: Option<String>,
}

fn main() {}
