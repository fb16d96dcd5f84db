//! `Text`, an immutable string that keeps up to 22 bytes inline: most scalars of a
//! data file (keys, ids, dates, keywords) then need no allocation of their own, which
//! is most of the positioned tree's allocations (and of the time to free them).

/// Text of up to [`INLINE`] bytes is stored in place; longer text in one exact allocation.
#[derive(Clone, PartialEq, Eq)]
pub struct Text(Repr);

const INLINE: usize = 22;

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Text {
    /// The empty text (no allocation).
    pub const EMPTY: Text = Text(Repr::Inline {
        len: 0,
        bytes: [0; INLINE],
    });

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only whole `&str`s are copied in: always UTF-8.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            Repr::Heap(s) => s,
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        if s.len() > INLINE {
            return Text(Repr::Heap(s.into()));
        }
        let mut bytes = [0; INLINE];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Text(Repr::Inline {
            len: s.len() as u8,
            bytes,
        })
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_texts_read_back() {
        for s in [
            "",
            "id",
            "data-access-00004",
            "é€😀 twenty-two bytes!",
            &"x".repeat(23),
            &"é".repeat(40),
        ] {
            assert_eq!(Text::from(s).as_str(), s);
        }
        assert_eq!(Text::EMPTY.as_str(), "");
        assert_eq!(std::mem::size_of::<Text>(), 24);
    }
}
