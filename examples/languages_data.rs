//! Prints what the npm package's language entry points are made of (`payrules::languages_data`, from the language tables) as JSON; scripts/package.mjs writes them into the package.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("{}", payrules::languages_data());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
