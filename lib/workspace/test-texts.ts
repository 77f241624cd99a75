// Short English texts written for the workspace tests (no corpus files).
export const ESSAY = `Most of what I know about cooking I learned by getting it wrong. The first loaf of bread I baked was dense enough to prop a door open, and I ate it anyway, slice by grim slice, because I had paid for the flour. Nobody tells you that the recipe is the least important part. The important part is the feel of the dough under your hands, the smell of the oven when something is nearly done, and the patience to wait when every instinct says to open the door and look.

I don't think that's a lesson about bread. It's a lesson about attention. My grandmother never measured anything; she watched. When I asked her how much salt went into the soup she looked at me as if I had asked how much breath goes into a sentence. Enough, she said. You'll know.`;

export const EMAIL = `Hi Priya,

Thanks for sending the draft over so quickly. I've had a look through it on the train this morning and I think it's nearly there. Two small things: the second table still has last year's figures in it, and I'd cut the paragraph about the pilot, since we cover that in the appendix anyway.

Can we talk on Thursday? I'm free after two. If that doesn't work, just send me a time and I'll move things around.

Cheers,
Tom`;

export const FICTION = `The lighthouse keeper's daughter had not spoken to anyone in eleven days when the boat came. She saw it first as a smudge against the grey, then as a shape, then as a thing with a person in it, rowing badly. She went down to the landing with her hands in her pockets and did not wave. The man in the boat looked up at her, soaked and shaking, and said the only thing that anyone ever says to a lighthouse keeper's daughter: is your father home? No, she said, and watched him understand what that meant.`;
