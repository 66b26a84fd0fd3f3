fn main() {
    yew::Renderer::<nines_web::App>::new().render();
}
