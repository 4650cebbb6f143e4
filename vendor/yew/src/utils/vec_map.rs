//! Regiewijzer patch: small maps and sets kept in a `Vec`, searched linearly. Yew keeps a handful
//! of entries in each (the event kinds listened to, the subtrees, the listeners of one element,
//! the tag names created); a `Vec` does that with a fraction of the code a `HashMap` or `HashSet`
//! brings into a wasm binary (hashing, SipHash, the swiss table and its resizing).

/// A map with unique keys, in insertion order.
#[derive(Debug, Clone)]
pub(crate) struct VecMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: PartialEq, V> VecMap<K, V> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self(Vec::with_capacity(n))
    }

    pub(crate) fn get(&self, k: &K) -> Option<&V> {
        self.0.iter().find(|(key, _)| key == k).map(|(_, v)| v)
    }

    pub(crate) fn get_mut(&mut self, k: &K) -> Option<&mut V> {
        self.0.iter_mut().find(|(key, _)| key == k).map(|(_, v)| v)
    }

    pub(crate) fn insert(&mut self, k: K, v: V) -> Option<V> {
        match self.get_mut(&k) {
            Some(old) => Some(std::mem::replace(old, v)),
            None => {
                self.0.push((k, v));
                None
            }
        }
    }

    pub(crate) fn remove(&mut self, k: &K) -> Option<V> {
        let i = self.0.iter().position(|(key, _)| key == k)?;
        Some(self.0.swap_remove(i).1)
    }

    /// The value for `k`, inserted as `V::default()` when absent (`entry(k).or_default()`).
    pub(crate) fn or_default(&mut self, k: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.0.iter().position(|(key, _)| *key == k) {
            Some(i) => i,
            None => {
                self.0.push((k, V::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub(crate) fn contains_key(&self, k: &K) -> bool {
        self.get(k).is_some()
    }
}

/// Like a `HashMap`'s: a later value for a key replaces the earlier one.
impl<K: PartialEq, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = Self::default();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

/// A set of unique values, in insertion order.
#[derive(Debug, Clone)]
pub(crate) struct VecSet<T>(Vec<T>);

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T: PartialEq> VecSet<T> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self(Vec::with_capacity(n))
    }

    /// Adds `v`; false when an equal value was there (which is kept, like `HashSet::insert`).
    pub(crate) fn insert(&mut self, v: T) -> bool {
        if self.0.contains(&v) {
            return false;
        }
        self.0.push(v);
        true
    }

    /// Adds `v`, returning the equal value it replaces.
    pub(crate) fn replace(&mut self, v: T) -> Option<T> {
        match self.0.iter().position(|x| *x == v) {
            Some(i) => Some(std::mem::replace(&mut self.0[i], v)),
            None => {
                self.0.push(v);
                None
            }
        }
    }

    /// Removes and returns the value `matches` picks.
    pub(crate) fn take_by(&mut self, matches: impl Fn(&T) -> bool) -> Option<T> {
        let i = self.0.iter().position(matches)?;
        Some(self.0.swap_remove(i))
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }

    pub(crate) fn retain(&mut self, f: impl FnMut(&T) -> bool) {
        self.0.retain(f)
    }

    pub(crate) fn drain(&mut self) -> impl Iterator<Item = T> + '_ {
        self.0.drain(..)
    }
}
