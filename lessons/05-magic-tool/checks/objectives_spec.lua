-- Objectives of lesson 05-magic-tool: one describe block per objective.
-- A click with a tool is its on_use(itemstack, user, pointed_thing).

local pos = vector.new(0, 1, 0)

local function wand()
	return minetest.registered_tools["magic_wand:wand"]
end

local function use(pointed)
	local alice = sim.join("alice")
	return wand().on_use(ItemStack("magic_wand:wand"), alice, pointed)
end

local function at_node()
	return { type = "node", under = vector.copy(pos), above = vector.offset(pos, 0, 1, 0) }
end

describe("tool", function()
	it("is a registered tool", function()
		assert.not_nil(wand(), "magic_wand:wand is not a tool")
	end)

	it("has its picture", function()
		assert.equals("magic_wand_wand.png", wand().inventory_image)
	end)
end)

describe("magic", function()
	it("turns the pointed block into crystal", function()
		minetest.set_node(pos, { name = "default:stone" })
		use(at_node())
		assert.equals("magic_wand:crystal", minetest.get_node(pos).name)
	end)
end)

describe("nothing", function()
	it("does nothing when pointing at nothing", function()
		minetest.set_node(pos, { name = "default:stone" })
		assert.has_no_error(function()
			use({ type = "nothing" })
		end)
		assert.equals("default:stone", minetest.get_node(pos).name)
	end)
end)

describe("wear", function()
	it("returns the wand a little worn", function()
		minetest.set_node(pos, { name = "default:stone" })
		local stack = use(at_node())
		assert.not_nil(stack, "on_use must return the itemstack")
		assert.equals("magic_wand:wand", ItemStack(stack):get_name())
		assert.is_true(ItemStack(stack):get_wear() > 0, "the wand did not wear")
	end)
end)

describe("recipe", function()
	it("is crafted from a mese crystal on a stick", function()
		local result = minetest.get_craft_result({
			method = "normal",
			width = 1,
			items = { "default:mese_crystal", "default:stick" },
		})
		assert.equals("magic_wand:wand", result.item:get_name())
	end)
end)
