use kryo5::Kryo;

#[derive(Kryo)]
#[kryo(klass = "com.example.Media")]
struct Media {
    uri: String,
}

fn main() {}
