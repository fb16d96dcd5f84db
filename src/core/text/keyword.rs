//! `keyword_enum!`: an enum whose variants are written as fixed words (in the YAML, in
//! the URL, in diagnostics), with `ALL`, `NAMES`, `as_str` and `parse`.
//!
//! One macro for every such enum, so each word list is written once.

/// Declares an enum and its words. Attributes (docs, `#[default]`) may precede the
/// enum and each variant; the enum derives `Clone, Copy, Debug, PartialEq, Eq,
/// PartialOrd, Ord, Hash` (plus `Default` when asked with `default`).
macro_rules! keyword_enum {
    ($(#[$m:meta])* $vis:vis enum $ty:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $ty { $($(#[$vm])* $variant),* }

        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];
            pub const NAMES: &'static [&'static str] = &[$($text),*];
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),* }
            }
            pub fn parse(s: &str) -> Option<$ty> {
                match s { $($text => Some($ty::$variant),)* _ => None }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use keyword_enum;

#[cfg(test)]
mod tests {
    keyword_enum!(
        /// A test enum.
        enum Fruit {
            Apple = "apple",
            BloodOrange = "blood-orange",
        }
    );

    #[test]
    fn words_round_trip() {
        for &f in Fruit::ALL {
            assert_eq!(Fruit::parse(f.as_str()), Some(f));
        }
        assert_eq!(Fruit::NAMES, ["apple", "blood-orange"]);
        assert_eq!(Fruit::parse("Apple"), None);
        assert_eq!(Fruit::BloodOrange.to_string(), "blood-orange");
    }
}
