//! Typed values straight from the positioned tree: a serde `Deserializer` over
//! `yaml::tree` nodes, so each file is parsed once and a value and its position can
//!
//! Each method reads a node as yaml_serde's `&Value` deserializer read the value it
//! made of the same text (scalars: `yaml::scalar`), so typing, and its messages, are
//! what they were when every file was parsed twice. Aliases are followed, never copied.

use crate::core::yaml::edits::{Edits, EMPTY};
use crate::core::yaml::scalar::{key_str, value, Error, Val};
use crate::core::yaml::tree::{Doc, Node, Seg};
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};

/// Deepest nesting typed, aliases followed (yaml_serde's limit too).
const MAX_DEPTH: usize = 128;
/// A serde `Deserializer` for one node of a document, with `defaults` (entries of
/// another mapping) merged under its own keys, and `edits` applied.
#[derive(Clone)]
pub struct De<'a> {
    doc: &'a Doc,
    node: &'a Node,
    defaults: &'a [&'a (Node, Node)],
    edits: &'a Edits,
    /// Where `node` is, below the typed node; `None` where no edit can apply, or
    /// when there are none (the first attempt tracks nothing).
    path: Option<Vec<Seg>>,
    depth: usize,
    untag: bool,
}

impl<'a> De<'a> {
    pub fn new(
        doc: &'a Doc,
        node: &'a Node,
        defaults: &'a [&'a (Node, Node)],
        edits: &'a Edits,
    ) -> Self {
        let tracked = !edits.is_empty();
        De {
            doc,
            node,
            defaults,
            edits,
            path: tracked.then(Vec::new),
            depth: 0,
            untag: false,
        }
    }

    fn child(&self, node: &'a Node, seg: Option<Seg>) -> Result<Self, Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom("recursion limit exceeded"));
        }
        let path = match (&self.path, seg) {
            (Some(p), Some(seg)) => Some(p.iter().cloned().chain([seg]).collect()),
            _ => None,
        };
        Ok(De {
            node,
            defaults: &[],
            path,
            depth: self.depth + 1,
            untag: false,
            ..*self
        })
    }

    fn val(&self, untag: bool) -> Result<Val<'a>, Error> {
        value(self.doc, self.node, untag || self.untag)
    }

    fn visit_seq<V: Visitor<'a>>(&self, items: &'a [Node], v: V) -> Result<V::Value, Error> {
        let mut seq = SeqDe {
            de: self,
            items,
            next: 0,
        };
        let out = v.visit_seq(&mut seq)?;
        if seq.next < items.len() {
            return Err(de::Error::invalid_length(
                items.len(),
                &"fewer elements in sequence",
            ));
        }
        Ok(out)
    }

    fn visit_map<V: Visitor<'a>>(&self, own: &'a [(Node, Node)], v: V) -> Result<V::Value, Error> {
        let doc = self.doc;
        let has = |k: &str| own.iter().any(|(o, _)| key_str(doc, o) == Some(k));
        let inherited = self
            .defaults
            .iter()
            .copied()
            .filter(move |(k, _)| key_str(doc, k).is_none_or(|k| !has(k)));
        let (removed, added) = match &self.path {
            Some(p) => (self.edits.removed_at(p), self.edits.added_at(p)),
            None => (Vec::new(), Vec::new()),
        };
        let mut map = MapDe {
            de: self,
            removed,
            entries: Box::new(own.iter().chain(inherited)),
            added: added.into_iter(),
            value: None,
        };
        let out = v.visit_map(&mut map)?;
        if map.entries.next().is_some() {
            return Err(de::Error::invalid_length(
                own.len(),
                &"fewer elements in map",
            ));
        }
        Ok(out)
    }
}

struct SeqDe<'a, 'b> {
    de: &'b De<'a>,
    items: &'a [Node],
    next: usize,
}

impl<'a> SeqAccess<'a> for SeqDe<'a, '_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.get(self.next) else {
            return Ok(None);
        };
        let child = self.de.child(item, Some(Seg::Index(self.next)))?;
        self.next += 1;
        seed.deserialize(child).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.next)
    }
}

type Entries<'a> = Box<dyn Iterator<Item = &'a (Node, Node)> + 'a>;

struct MapDe<'a, 'b> {
    de: &'b De<'a>,
    entries: Entries<'a>,
    /// Keys dropped here (see [`Edits`]).
    removed: Vec<&'a str>,
    added: std::vec::IntoIter<&'a str>,
    value: Option<De<'a>>,
}

impl<'a> MapAccess<'a> for MapDe<'a, '_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for (k, v) in self.entries.by_ref() {
            let name = key_str(self.de.doc, k);
            if name.is_some_and(|n| self.removed.contains(&n)) {
                continue;
            }
            let seg = name.map(|s| Seg::Key(s.to_string()));
            self.value = Some(self.de.child(v, seg)?);
            let key = De {
                path: None,
                ..self.de.child(k, None)?
            };
            return seed.deserialize(key).map(Some);
        }
        let Some(field) = self.added.next() else {
            return Ok(None);
        };
        self.value = Some(self.de.child(&EMPTY, None)?);
        seed.deserialize(BorrowedStrDeserializer::new(field))
            .map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let de = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("value before key"))?;
        seed.deserialize(de)
    }
}

struct EnumDe<'a> {
    tag: &'a str,
    content: Option<De<'a>>,
}

/// A tagged node's content (`None` for a plain string read as an enum).
struct Content<'a>(Option<De<'a>>);

impl<'a> EnumAccess<'a> for EnumDe<'a> {
    type Error = Error;
    type Variant = Content<'a>;
    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        let tag = seed.deserialize(BorrowedStrDeserializer::<Error>::new(self.tag))?;
        Ok((tag, Content(self.content)))
    }
}

impl<'a> VariantAccess<'a> for Content<'a> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Some(de) => de::Deserialize::deserialize(de),
            None => Ok(()),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, Error> {
        match self.0 {
            Some(de) => seed.deserialize(de),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }
    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(de) => de::Deserializer::deserialize_seq(de, v),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }
    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Some(de) => de::Deserializer::deserialize_map(de, v),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

/// Every number type reads the node as [`De::deserialize_i64`] does.
macro_rules! numbers {
    ($($name:ident)*) => {$(
        fn $name<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
            self.deserialize_i64(v)
        }
    )*};
}
/// Each method reads the node as yaml_serde's `&Value` deserializer read the value.
impl<'a> de::Deserializer<'a> for De<'a> {
    type Error = Error;

    numbers!(
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_u8 deserialize_u16
        deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64
    );

    fn deserialize_any<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(false)? {
            Val::Null => v.visit_unit(),
            Val::Bool(b) => v.visit_bool(b),
            Val::U64(u) => v.visit_u64(u),
            Val::I64(i) => v.visit_i64(i),
            Val::F64(f) => v.visit_f64(f),
            Val::Str(s) => v.visit_borrowed_str(s),
            Val::Seq(items) => self.visit_seq(items, v),
            Val::Map(entries) => self.visit_map(entries, v),
            Val::Tagged(tag) => v.visit_enum(EnumDe {
                tag,
                content: Some(De {
                    untag: true,
                    ..self
                }),
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(true)? {
            Val::Bool(b) => v.visit_bool(b),
            other => Err(de::Error::invalid_type(other.unexpected(), &v)),
        }
    }

    fn deserialize_i64<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(true)? {
            Val::U64(u) => v.visit_u64(u),
            Val::I64(i) => v.visit_i64(i),
            Val::F64(f) => v.visit_f64(f),
            other => Err(de::Error::invalid_type(other.unexpected(), &v)),
        }
    }

    fn deserialize_char<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_str<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(true)? {
            Val::Str(s) => v.visit_borrowed_str(s),
            other => Err(de::Error::invalid_type(other.unexpected(), &v)),
        }
    }

    fn deserialize_string<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(true)? {
            Val::Str(s) => v.visit_borrowed_str(s),
            Val::Seq(items) => self.visit_seq(items, v),
            other => Err(de::Error::invalid_type(other.unexpected(), &v)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(v)
    }

    fn deserialize_option<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(false)? {
            Val::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(false)? {
            Val::Null => v.visit_unit(),
            other => Err(de::Error::invalid_type(other.unexpected(), &v)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(true)? {
            Val::Seq(items) => self.visit_seq(items, v),
            Val::Null => self.visit_seq(&[], v),
            other => Err(de::Error::invalid_type(other.unexpected(), &v)),
        }
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        match self.val(true)? {
            Val::Map(entries) => self.visit_map(entries, v),
            Val::Null => self.visit_map(&[], v),
            other => Err(de::Error::invalid_type(other.unexpected(), &v)),
        }
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(v)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.val(false)? {
            Val::Tagged(tag) => v.visit_enum(EnumDe {
                tag,
                content: Some(De {
                    untag: true,
                    ..self
                }),
            }),
            Val::Str(tag) => v.visit_enum(EnumDe { tag, content: None }),
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"a Value::Tagged enum",
            )),
        }
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }
}
