//! Prints what `payrules/server-errors` reads server bodies with (`payrules::read_back_data`, from the rule tables) as JSON; scripts/package.mjs writes it into the npm package.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("{}", payrules::read_back_data());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
