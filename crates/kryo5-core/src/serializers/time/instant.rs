//! `Duration` and `Instant`: seconds and nanoseconds.

use super::*;

/// `java.time.Duration`: seconds (8 fixed bytes) and nanoseconds
/// (`0..=999_999_999`, `writeInt(nanos, true)`).
///
/// ```
/// use kryo5_core::serializers::time::Duration;
/// let d = Duration::from(std::time::Duration::new(1, 5));
/// assert_eq!(d, Duration { seconds: 1, nanos: 5 });
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Duration {
    /// `getSeconds()`, may be negative.
    pub seconds: i64,
    /// `getNano()`: `0..=999_999_999`, added to the seconds.
    pub nanos: i32,
}

impl From<std::time::Duration> for Duration {
    /// Saturates at `i64::MAX` seconds.
    fn from(d: std::time::Duration) -> Self {
        Duration {
            seconds: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            nanos: d.subsec_nanos() as i32,
        }
    }
}

impl Value for Duration {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(in_range(
            "Duration nanos",
            self.nanos.into(),
            0,
            NANOS_PER_SECOND - 1,
        ))?;
        out.write_long(self.seconds)?;
        out.write_int_var_or_fixed(self.nanos, true)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let seconds = input.read_long()?;
        let nanos = input.read_int_var_or_fixed(true)?;
        let (seconds, nanos) = normalize(seconds, nanos.into())
            .ok_or_else(|| invalid(at, format_args!("Duration overflows")))?;
        Ok(Duration { seconds, nanos })
    }
}
time_type!(Duration, "Duration");

/// `java.time.Instant`: seconds since 1970-01-01T00:00Z (`uvarlong`) and
/// nanoseconds (`writeInt(nanos, true)`).
///
/// ```
/// use kryo5_core::serializers::time::Instant;
/// assert_eq!(Instant::EPOCH, Instant { seconds: 0, nanos: 0 });
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Instant {
    /// `getEpochSecond()`.
    pub seconds: i64,
    /// `getNano()`: `0..=999_999_999`.
    pub nanos: i32,
}

impl Instant {
    /// 1970-01-01T00:00:00Z.
    ///
    /// ```
    /// use kryo5_core::serializers::time::Instant;
    /// assert_eq!(Instant::EPOCH, Instant::default());
    /// ```
    pub const EPOCH: Instant = Instant {
        seconds: 0,
        nanos: 0,
    };
    /// `Instant.MIN`'s seconds (year -1000000000).
    ///
    /// ```
    /// use kryo5_core::serializers::time::Instant;
    /// assert!(Instant::MIN_SECONDS < 0 && Instant::MAX_SECONDS > 0);
    /// ```
    pub const MIN_SECONDS: i64 = -31_557_014_167_219_200;
    /// `Instant.MAX`'s seconds (year 1000000000); see
    /// [`Instant::MIN_SECONDS`].
    pub const MAX_SECONDS: i64 = 31_556_889_864_403_199;

    fn check(&self) -> Check {
        in_range(
            "Instant seconds",
            self.seconds,
            Self::MIN_SECONDS,
            Self::MAX_SECONDS,
        )?;
        in_range("Instant nanos", self.nanos.into(), 0, NANOS_PER_SECOND - 1)
    }
}

impl Value for Instant {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(self.check())?;
        out.write_var_long(self.seconds, true)?;
        out.write_int_var_or_fixed(self.nanos, true)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let seconds = input.read_var_long(true)?;
        let nanos = input.read_int_var_or_fixed(true)?;
        let (seconds, nanos) = normalize(seconds, nanos.into())
            .ok_or_else(|| invalid(at, format_args!("Instant overflows")))?;
        let v = Instant { seconds, nanos };
        check_read(v.check(), at)?;
        Ok(v)
    }
}
time_type!(Instant, "Instant");
