//! The inventory itself: what the API serves, with no I/O of its own.

/// The items in stock, in display order.
pub fn items() -> Vec<(&'static str, u32)> {
    vec![("bolts", 120), ("nuts", 80), ("washers", 45)]
}

/// The summary the API answers on `/`.
pub fn summary() -> String {
    let items = items();
    let total: u32 = items.iter().map(|(_, count)| count).sum();
    format!("inventory: {} items, {} pieces\n", items.len(), total)
}
