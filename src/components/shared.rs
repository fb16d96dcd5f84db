//! [`Shared`]: a value the screen computed once and hands to its components, equal
//! only to itself.
//!
//! Yew skips a component whose props are equal to the last ones, so props are compared
//! on every render of the parent. `Rc<T>`'s equality compares the values (unless `T`
//! is `Eq`): for a layout of 10,000 bars that is a walk through every bar on every
//! hover (#27). A `Shared` compares the pointers. Both values are alive while they are
//! compared (the old props hold the old one), so two different values never share an
//! address.

use std::ops::Deref;
use std::rc::Rc;

pub struct Shared<T: ?Sized>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Shared<T> {
        Shared(rc)
    }
}

/// `html!` takes an `Rc` where a `Shared` is expected.
impl<T: ?Sized> yew::html::IntoPropValue<Shared<T>> for Rc<T> {
    fn into_prop_value(self) -> Shared<T> {
        Shared(self)
    }
}

impl<T: ?Sized + std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn equal_values_apart_are_not_the_same_and_a_clone_is() {
        let a = Shared::new(vec![1.0, 2.0]);
        let b = Shared::new(vec![1.0, 2.0]);
        assert!(a != b, "two equal layouts computed apart differ");
        assert!(a == a.clone(), "the same layout handed on again is equal");
    }
}
