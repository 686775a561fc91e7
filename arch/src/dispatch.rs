//! Which kernel implementation runs: detected once, cached, forceable.
//!
//! Every kernel family ([`varint`](crate::varint), [`text`](crate::text),
//! [`order`](crate::order)) has one implementation per [`Kernel`]. The
//! active kernel is chosen on first use:
//!
//! 1. the environment variable `KRYO5_KERNEL` (`portable`, `avx2`,
//!    `avx512`), if set; naming a kernel this CPU cannot run is an error
//!    that stops the program, so a forced run never silently tests
//!    something else;
//! 2. otherwise the best kernel the CPU supports ([`Kernel::best`]).
//!
//! [`force`] changes the choice at run time (tests and benchmarks use it);
//! each family also hands out the implementation of any supported kernel
//! directly, so tests can compare every kernel with the portable one in the
//! same process.
//!
//! "Supported" is decided by feature detection, and a level is only offered
//! where it was measured to pay off: see `docs/kernels.md`.

use std::sync::atomic::{AtomicU8, Ordering};

/// A kernel implementation level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kernel {
    /// Plain Rust (scalar and SWAR): every architecture; the reference.
    Portable,
    /// x86-64 with AVX2 and BMI2 (Haswell, Zen 3 and later).
    Avx2,
    /// x86-64 with AVX-512 F, BW, VL, CD, VBMI and VBMI2, plus BMI2 (Ice
    /// Lake, Zen 4 and later).
    Avx512,
}

impl Kernel {
    /// Every kernel, in increasing order of requirements.
    pub const ALL: [Kernel; 3] = [Kernel::Portable, Kernel::Avx2, Kernel::Avx512];

    /// The name used by `KRYO5_KERNEL`.
    ///
    /// ```
    /// assert_eq!(kryo5_arch::Kernel::Avx512.name(), "avx512");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Kernel::Portable => "portable",
            Kernel::Avx2 => "avx2",
            Kernel::Avx512 => "avx512",
        }
    }

    /// Parses a kernel name (case-insensitive).
    ///
    /// ```
    /// assert_eq!(kryo5_arch::Kernel::parse("AVX2"), Some(kryo5_arch::Kernel::Avx2));
    /// assert_eq!(kryo5_arch::Kernel::parse("sse"), None);
    /// ```
    #[must_use]
    pub fn parse(name: &str) -> Option<Kernel> {
        Kernel::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Whether this CPU can run the kernel.
    ///
    /// ```
    /// assert!(kryo5_arch::Kernel::Portable.is_supported());
    /// ```
    #[must_use]
    pub fn is_supported(self) -> bool {
        match self {
            Kernel::Portable => true,
            Kernel::Avx2 => features().avx2,
            Kernel::Avx512 => features().avx512,
        }
    }

    /// The best kernel this CPU supports.
    #[must_use]
    pub fn best() -> Kernel {
        Kernel::ALL
            .into_iter()
            .rev()
            .find(|k| k.is_supported())
            .unwrap_or(Kernel::Portable)
    }

    /// Every kernel this CPU supports, portable first.
    pub fn supported() -> impl Iterator<Item = Kernel> {
        Kernel::ALL.into_iter().filter(|k| k.is_supported())
    }

    const fn from_u8(v: u8) -> Kernel {
        match v {
            1 => Kernel::Avx2,
            2 => Kernel::Avx512,
            _ => Kernel::Portable,
        }
    }

    const fn to_u8(self) -> u8 {
        match self {
            Kernel::Portable => 0,
            Kernel::Avx2 => 1,
            Kernel::Avx512 => 2,
        }
    }
}

impl std::fmt::Display for Kernel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The CPU features the kernels need, detected once.
#[derive(Clone, Copy, Debug)]
struct Features {
    avx2: bool,
    avx512: bool,
}

fn features() -> Features {
    static CACHE: AtomicU8 = AtomicU8::new(0);
    const KNOWN: u8 = 0x80;
    let bits = CACHE.load(Ordering::Relaxed);
    let bits = if bits & KNOWN != 0 {
        bits
    } else {
        let f = detect();
        let bits = KNOWN | u8::from(f.avx2) | (u8::from(f.avx512) << 1);
        CACHE.store(bits, Ordering::Relaxed);
        bits
    };
    Features {
        avx2: bits & 1 != 0,
        avx512: bits & 2 != 0,
    }
}

#[cfg(target_arch = "x86_64")]
fn detect() -> Features {
    use std::arch::is_x86_feature_detected as has;
    let bmi2 = has!("bmi1") && has!("bmi2") && has!("popcnt") && has!("lzcnt") && fast_pdep();
    let avx2 = bmi2 && has!("avx2");
    let avx512 = avx2
        && has!("avx512f")
        && has!("avx512bw")
        && has!("avx512vl")
        && has!("avx512cd")
        && has!("avx512vbmi")
        && has!("avx512vbmi2");
    Features { avx2, avx512 }
}

/// `pdep`/`pext` are microcoded on AMD before Zen 3 (family 0x19), at tens
/// of cycles each: the varint kernels that lean on them would lose to the
/// portable ones there.
#[cfg(target_arch = "x86_64")]
fn fast_pdep() -> bool {
    use std::arch::x86_64::__cpuid;
    let vendor = __cpuid(0);
    let amd = (vendor.ebx, vendor.edx, vendor.ecx) == (0x6874_7541, 0x6974_6e65, 0x444d_4163);
    if !amd {
        return true;
    }
    let eax = __cpuid(1).eax;
    let family = ((eax >> 8) & 0xf)
        + if (eax >> 8) & 0xf == 0xf {
            (eax >> 20) & 0xff
        } else {
            0
        };
    family >= 0x19
}

#[cfg(not(target_arch = "x86_64"))]
fn detect() -> Features {
    Features {
        avx2: false,
        avx512: false,
    }
}

/// Unset marker for the cached choice.
const UNSET: u8 = 0xff;

static ACTIVE: AtomicU8 = AtomicU8::new(UNSET);

/// Name of the environment variable that forces a kernel.
pub const ENV: &str = "KRYO5_KERNEL";

/// The kernel in use: forced by [`force`], else by `KRYO5_KERNEL`, else
/// [`Kernel::best`].
///
/// # Panics
/// On first use, if `KRYO5_KERNEL` names an unknown kernel or one this CPU
/// cannot run: a forced run must not silently test another kernel.
///
/// ```
/// let k = kryo5_arch::dispatch::active();
/// assert!(k.is_supported());
/// ```
#[inline]
#[must_use]
pub fn active() -> Kernel {
    let v = ACTIVE.load(Ordering::Relaxed);
    if v != UNSET {
        return Kernel::from_u8(v);
    }
    init()
}

#[cold]
fn init() -> Kernel {
    let k = from_env().unwrap_or_else(Kernel::best);
    ACTIVE.store(k.to_u8(), Ordering::Relaxed);
    k
}

fn from_env() -> Option<Kernel> {
    let value = std::env::var(ENV).ok()?;
    if value.trim().is_empty() {
        return None;
    }
    let Some(k) = Kernel::parse(&value) else {
        panic!("{ENV}={value:?} names no kernel; use one of: portable, avx2, avx512");
    };
    assert!(
        k.is_supported(),
        "{ENV}={value:?}: this CPU cannot run the {k} kernel"
    );
    Some(k)
}

/// The CPU cannot run the requested kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsupported(pub Kernel);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "this CPU cannot run the {} kernel", self.0)
    }
}

impl std::error::Error for Unsupported {}

/// Makes `kernel` the active one for the whole process.
///
/// # Errors
/// [`Unsupported`] if the CPU cannot run it (the choice is unchanged).
///
/// ```
/// use kryo5_arch::{dispatch, Kernel};
/// dispatch::force(Kernel::Portable).unwrap();
/// assert_eq!(dispatch::active(), Kernel::Portable);
/// dispatch::force(Kernel::best()).unwrap();
/// ```
pub fn force(kernel: Kernel) -> Result<(), Unsupported> {
    if !kernel.is_supported() {
        return Err(Unsupported(kernel));
    }
    ACTIVE.store(kernel.to_u8(), Ordering::Relaxed);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kernel::ALL {
            assert_eq!(Kernel::parse(k.name()), Some(k));
        }
        assert!(Kernel::supported().any(|k| k == Kernel::Portable));
        assert!(Kernel::best().is_supported());
    }

    #[test]
    fn levels_nest() {
        // A CPU with AVX-512 kernels can run the AVX2 ones too.
        assert!(!Kernel::Avx512.is_supported() || Kernel::Avx2.is_supported());
    }
}
