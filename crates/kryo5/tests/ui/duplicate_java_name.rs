use kryo5::Kryo;

#[derive(Kryo)]
struct Media {
    uri: String,
    #[kryo(rename = "uri")]
    link: String,
}

fn main() {}
